import { graphql } from "../gql";

export const PatientFieldsFragment = graphql(`
  fragment PatientFields on Patient {
    id
    site {
      id
      name
    }
    givenName
    familyName
    dateOfBirth
    email
    phone
    fitzpatrick
    allergies {
      substance
      kind
      reaction
      severity
    }
    medications {
      name
      class
      startedOn
      stoppedOn
    }
    historyFlags
    archived
    version
    updatedAt
  }
`);

export const PatientsQuery = graphql(`
  query Patients($siteId: ID!, $search: String, $first: Int, $after: String) {
    patients(siteId: $siteId, search: $search, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          givenName
          familyName
          dateOfBirth
          email
          phone
          fitzpatrick
          allergies {
            substance
            kind
            severity
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

export const PatientQuery = graphql(`
  query Patient($id: ID!) {
    patient(id: $id) {
      ...PatientFields
    }
  }
`);

export const CreatePatientMutation = graphql(`
  mutation CreatePatient($input: PatientInput!, $idempotencyKey: String) {
    createPatient(input: $input, idempotencyKey: $idempotencyKey) {
      patient {
        ...PatientFields
      }
    }
  }
`);

export const UpdatePatientMutation = graphql(`
  mutation UpdatePatient($id: ID!, $version: Int!, $input: PatientInput!, $idempotencyKey: String) {
    updatePatient(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {
      patient {
        ...PatientFields
      }
    }
  }
`);

export const ErasePatientMutation = graphql(`
  mutation ErasePatient($id: ID!, $confirmName: String!, $reason: String!) {
    erasePatient(id: $id, confirmName: $confirmName, reason: $reason) {
      erasure {
        patientId
        status
        startedAt
        completedAt
        progress {
          done
          total
        }
        erased {
          consultations
          concerns
          plans
          sessions
          assessments
          outcomeRecords
          kpiPlans
          lotTraces
          idempotencyRecords
          auditDetails
        }
      }
    }
  }
`);
