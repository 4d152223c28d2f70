import { graphql } from "../gql";

export const MeQuery = graphql(`
  query Me {
    me {
      userId
      email
      name
      role
      groupId
      groupName
      sites {
        id
        name
      }
    }
  }
`);
