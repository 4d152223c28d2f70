import { graphql } from "../gql";

export const PlanFieldsFragment = graphql(`
  fragment PlanFields on TreatmentPlan {
    id
    patient {
      id
      givenName
      familyName
    }
    site {
      id
      name
    }
    consultation {
      id
      date
      cleared
    }
    concerns {
      id
      indication
      bodyArea
      baselineScale
      baselineScore
      baselineLabel
    }
    startDate
    zones {
      zone
      depthMm
      depthMinMm
      depthMaxMm
      aboveZoneDefault
    }
    sessionsPlanned
    intervalWeeks
    device
    plannedSerums {
      serumId
      name
      findings {
        ...ScreenFinding
      }
      override {
        reason
        by {
          id
          name
        }
        at
      }
    }
    notes
    status
    progress {
      done
      planned
      remaining
    }
    lastSessionOn
    nextDueOn
    retreatmentDueOn
    dueOn
    dueKind
    dueState
    expectedCompletionOn
    cancelledReason
    version
    createdAt
  }
`);

/**
 * The plan builder in one request: the consultation (its concerns and whether it is cleared), the
 * patient's allergies for the serum flags, and the serum catalogue.
 */
export const PlanBuilderQuery = graphql(`
  query PlanBuilder($patientId: ID!, $consultationId: ID!) {
    patient(id: $patientId) {
      ...PatientFields
      activeFlags {
        ...ScreenFinding
      }
    }
    consultation: node(id: $consultationId) {
      ... on Consultation {
        id
        date
        cleared
        version
        unresolvedBlocks {
          ...ScreenFinding
        }
        concerns {
          id
          indication
          bodyArea
          zones
          baselineScale
          baselineScore
          baselineLabel
          status
        }
      }
    }
    serums(first: 100) {
      edges {
        node {
          id
          name
          ingredients
          allergens
          clearance
          lots {
            lotNumber
            expiresOn
            expired
          }
        }
      }
    }
  }
`);

/** The patient's consultations, newest first, to pick one when the builder is opened without one. */
export const PatientConsultationsQuery = graphql(`
  query PatientConsultations($patientId: ID!) {
    patient(id: $patientId) {
      id
      givenName
      familyName
      concerns {
        id
        indication
        bodyArea
        consultation {
          id
          date
          cleared
        }
      }
    }
  }
`);

export const SuggestPlanQuery = graphql(`
  query SuggestPlan($patientId: ID!, $concernIds: [ID!]!) {
    suggestPlan(patientId: $patientId, concernIds: $concernIds) {
      zones {
        zone
        depthMm
        depthMinMm
        depthMaxMm
        indication
      }
      sessions
      intervalWeeks
      device
      serums
      serumIds
      conservative
      notes
    }
  }
`);

export const CheckPlannedSerumQuery = graphql(`
  query CheckPlannedSerum(
    $patientId: ID!
    $serumId: ID!
    $lotNumber: String!
    $onDate: Date!
    $duringNeedling: Boolean!
  ) {
    checkSerum(
      patientId: $patientId
      serumId: $serumId
      lotNumber: $lotNumber
      onDate: $onDate
      duringNeedling: $duringNeedling
    ) {
      findings {
        ...ScreenFinding
      }
      blocked
      overridable
    }
  }
`);

export const CreateTreatmentPlanMutation = graphql(`
  mutation CreateTreatmentPlan($input: TreatmentPlanInput!, $idempotencyKey: String) {
    createTreatmentPlan(input: $input, idempotencyKey: $idempotencyKey) {
      plan {
        ...PlanFields
      }
    }
  }
`);

export const TreatmentPlanQuery = graphql(`
  query TreatmentPlan($id: ID!) {
    node(id: $id) {
      ... on TreatmentPlan {
        ...PlanFields
      }
    }
  }
`);
