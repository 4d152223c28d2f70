import { graphql } from "../gql";

export const FindingFieldsFragment = graphql(`
  fragment FindingFields on ContraindicationFinding {
    code
    level
    reason
    source
    overridable
  }
`);

export const SerumCatalogueFieldsFragment = graphql(`
  fragment SerumCatalogueFields on SerumAddOn {
    id
    name
    ingredients
    allergens
    clearance
    sterile
    lots {
      lotNumber
      expiresOn
      expired
    }
    version
    updatedAt
  }
`);

/** Everything the recorder needs in one request: the patient, the plan with its consultation, the questions, the catalogue. */
export const SessionRecorderQuery = graphql(`
  query SessionRecorder($patientId: ID!, $planId: ID!) {
    patient(id: $patientId) {
      ...PatientFields
    }
    plan: node(id: $planId) {
      ... on TreatmentPlan {
        id
        status
        startDate
        device
        sessionsPlanned
        intervalWeeks
        progress {
          done
          planned
          remaining
        }
        nextDueOn
        site {
          id
          name
        }
        concerns {
          id
          indication
          bodyArea
        }
        zones {
          zone
          depthMm
          depthMinMm
          depthMaxMm
        }
        plannedSerums {
          serumId
          name
        }
        consultation {
          id
          date
          answers {
            activeSkinInfection
            activeAcneInArea
            activeHerpesOutbreak
            openWounds
            pregnantOrBreastfeeding
            eczemaPsoriasisRosaceaFlareInArea
            sunburn
            chemoOrRadiotherapyCurrent
            chemoOrRadiotherapyDate
            toxinDate
            fillerDate
            peelLaserDate
            retinoidDate
          }
          findings {
            ...FindingFields
          }
          overrides {
            code
            reason
            by {
              name
            }
            at
          }
        }
      }
    }
    screeningQuestions {
      key
      kind
      required
      label
      help
    }
  }
`);

/** The patient's plans, for choosing one when the recorder is opened without ?plan=. */
export const PatientPlansQuery = graphql(`
  query PatientPlans($patientId: ID!, $after: String) {
    patient(id: $patientId) {
      id
      givenName
      familyName
      timeline(first: 50, after: $after) {
        edges {
          node {
            ... on TreatmentPlan {
              id
              status
              startDate
              sessionsPlanned
              progress {
                done
              }
              concerns {
                id
                indication
                bodyArea
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
  }
`);

export const SerumCatalogueQuery = graphql(`
  query SerumCatalogue($after: String) {
    serums(first: 50, after: $after) {
      edges {
        node {
          ...SerumCatalogueFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RescreenQuery = graphql(`
  query Rescreen($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!, $zones: [Zone!]) {
    screenPatient(patientId: $patientId, answers: $answers, onDate: $onDate, zones: $zones) {
      findings {
        ...FindingFields
      }
      unanswered
    }
  }
`);

export const CheckSerumQuery = graphql(`
  query CheckSerum($patientId: ID!, $serumId: ID!, $lotNumber: String!, $onDate: Date!) {
    checkSerum(
      patientId: $patientId
      serumId: $serumId
      lotNumber: $lotNumber
      onDate: $onDate
      duringNeedling: true
    ) {
      findings {
        ...FindingFields
      }
      blocked
      overridable
    }
  }
`);

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on TreatmentSession {
    id
    performedOn
    site {
      id
      name
    }
    practitioner {
      id
      name
    }
    plan {
      id
      sessionsPlanned
      intervalWeeks
      nextDueOn
      progress {
        done
        planned
      }
      concerns {
        id
        indication
        bodyArea
      }
    }
    device {
      kind
      ... on Dermapen {
        cartridgeNeedleCount
        cartridgeLot
      }
      ... on RfMicroneedling {
        energyLevel
        pulseDurationMs
        rfNeedleCount: cartridgeNeedleCount
        rfLot: cartridgeLot
      }
    }
    zones {
      zone
      depthMm
      passes
    }
    depthDeviationReason
    deviations {
      zone
      depthMm
      plannedMinMm
      plannedMaxMm
      reason
    }
    serumsApplied {
      serum {
        id
      }
      serumName
      lotNumber
      lotExpiresOn
      zone
      findings {
        ...FindingFields
      }
      override {
        reason
        by {
          name
        }
        at
      }
    }
    numbing {
      agent
      minutes
    }
    immediateReactions
    aftercare {
      given
      lines
    }
    adverseEvents {
      type
      label
      onsetOn
      durationDays
      severity
      serum {
        id
        name
      }
      lotNumber
      notes
      classification
      flag
    }
    rescreen {
      findings {
        ...FindingFields
      }
      added
      changed
      resolved
      carriedOverrides {
        code
        reason
        by {
          name
        }
        at
      }
      overrides {
        code
        reason
        by {
          name
        }
        at
      }
    }
    notes
    version
    createdAt
  }
`);

export const RecordSessionMutation = graphql(`
  mutation RecordTreatmentSession($patientId: ID!, $input: TreatmentSessionInput!, $idempotencyKey: String) {
    recordTreatmentSession(patientId: $patientId, input: $input, idempotencyKey: $idempotencyKey) {
      session {
        id
      }
      plan {
        id
        progress {
          done
          planned
        }
        nextDueOn
      }
    }
  }
`);

export const SessionQuery = graphql(`
  query TreatmentSession($patientId: ID!, $sessionId: ID!) {
    patient(id: $patientId) {
      ...PatientFields
    }
    session: node(id: $sessionId) {
      ...SessionFields
    }
    clinicSettings {
      aftercareText
    }
  }
`);

export const RecordAdverseEventMutation = graphql(`
  mutation RecordAdverseEvent(
    $sessionId: ID!
    $version: Int!
    $event: AdverseEventInput!
    $idempotencyKey: String
  ) {
    recordAdverseEvent(
      sessionId: $sessionId
      version: $version
      event: $event
      idempotencyKey: $idempotencyKey
    ) {
      session {
        ...SessionFields
      }
    }
  }
`);
