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

/** The clinic group's idle-lock time, read once signed in. */
export const IdleLockQuery = graphql(`
  query IdleLock {
    clinicSettings {
      idleLockMinutes
    }
  }
`);
