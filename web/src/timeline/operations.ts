import { graphql } from "../gql";

export const TimelineEntryFragment = graphql(`
  fragment TimelineEntryFields on TimelineEdge {
    cursor
    date
    node {
      __typename
      ... on Consultation {
        id
        date
        practitioner {
          id
          name
        }
        concerns {
          id
          indication
          bodyArea
        }
        findings {
          code
          level
        }
        overrides {
          code
        }
        cleared
      }
      ... on TreatmentPlan {
        id
        startDate
        status
        sessionsPlanned
        intervalWeeks
        concerns {
          id
          indication
        }
        zones {
          zone
          depthMm
        }
        progress {
          done
          planned
        }
        dueOn
        dueKind
        dueState
      }
      ... on TreatmentSession {
        id
        performedOn
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
        serumsApplied {
          serumName
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
      ... on Assessment {
        id
        assessedOn
        scale
        score
        label
        rater
        concern {
          id
          indication
          bodyArea
        }
        improvement {
          absolute
          percent
          improved
        }
      }
    }
  }
`);

/** The patient page in one request: the record, its standing flags and the newest timeline page. */
export const PatientRecordQuery = graphql(`
  query PatientRecord($id: ID!, $first: Int) {
    patient(id: $id) {
      ...PatientFields
      activeFlags {
        code
        level
        reason
        source
        overridable
      }
      timeline(first: $first) {
        edges {
          ...TimelineEntryFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const PatientTimelineQuery = graphql(`
  query PatientTimeline($id: ID!, $first: Int, $after: String) {
    patient(id: $id) {
      id
      timeline(first: $first, after: $after) {
        edges {
          ...TimelineEntryFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
