import { graphql } from "../gql";

export const OutcomesPageQuery = graphql(`
  query OutcomesPage($patientId: ID!) {
    patient(id: $patientId) {
      ...PatientFields
      concerns {
        id
        indication
        bodyArea
        baselineScale
        baselineScore
        baselineLabel
        baselineOn
        status
      }
      timeline(first: 50) {
        edges {
          node {
            ... on TreatmentSession {
              id
              performedOn
              zones {
                zone
              }
              plan {
                concerns {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`);

export const OutcomeTrendQuery = graphql(`
  query OutcomeTrend($patientId: ID!, $concernId: ID!, $scale: ScaleId) {
    outcomeTrend(patientId: $patientId, concernId: $concernId, scale: $scale) {
      scale
      baseline
      baselineOn
      direction
      points {
        assessedOn
        score
        label
        rater
        improvement {
          absolute
          percent
          improved
        }
        assessment {
          id
          session {
            id
          }
        }
      }
      latest {
        assessedOn
        score
        label
        improvement {
          absolute
          percent
          improved
        }
      }
      best {
        assessedOn
        score
      }
    }
  }
`);

export const RecordAssessmentMutation = graphql(`
  mutation RecordAssessment($patientId: ID!, $input: AssessmentInput!, $idempotencyKey: String) {
    recordAssessment(patientId: $patientId, input: $input, idempotencyKey: $idempotencyKey) {
      assessment {
        id
        scale
        score
        label
        assessedOn
        improvement {
          absolute
          percent
          improved
        }
      }
    }
  }
`);
