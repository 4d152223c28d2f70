import { graphql } from "../gql";

export const PlansDueQuery = graphql(`
  query PlansDue($siteId: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
    plansDue(siteId: $siteId, from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          patient {
            id
            givenName
            familyName
            fitzpatrick
            allergies {
              substance
              kind
              severity
            }
          }
          concerns {
            id
            indication
            bodyArea
          }
          status
          dueOn
          dueKind
          dueState
          lastSessionOn
          intervalWeeks
          progress {
            done
            planned
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RecentSessionsQuery = graphql(`
  query RecentSessions($siteId: ID!, $first: Int, $after: String) {
    recentSessions(siteId: $siteId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          performedOn
          patient {
            id
            givenName
            familyName
          }
          practitioner {
            id
            name
          }
          device {
            kind
          }
          zones {
            zone
            depthMm
          }
          adverseEvents {
            classification
          }
          plan {
            id
            progress {
              done
              planned
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
