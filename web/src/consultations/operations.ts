import { graphql } from "../gql";

export const ScreenFindingFragment = graphql(`
  fragment ScreenFinding on ContraindicationFinding {
    code
    level
    reason
    source
    overridable
  }
`);

export const ConsultationFieldsFragment = graphql(`
  fragment ConsultationFields on Consultation {
    id
    date
    site {
      id
      name
    }
    practitioner {
      id
      name
    }
    patient {
      id
      givenName
      familyName
    }
    concerns {
      id
      indication
      bodyArea
      zones
      baselineScale
      baselineScore
      baselineLabel
      baselineOn
      status
      notes
    }
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
      ...ScreenFinding
    }
    overrides {
      code
      reason
      by {
        id
        name
      }
      at
    }
    unresolvedBlocks {
      ...ScreenFinding
    }
    cleared
    version
    createdAt
  }
`);

/** The new-consultation page in one request: the patient with standing flags, and the questions to ask. */
export const NewConsultationQuery = graphql(`
  query NewConsultation($patientId: ID!) {
    patient(id: $patientId) {
      ...PatientFields
      activeFlags {
        ...ScreenFinding
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

export const ScreenPatientQuery = graphql(`
  query ScreenPatient($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!, $zones: [Zone!]) {
    screenPatient(patientId: $patientId, answers: $answers, onDate: $onDate, zones: $zones) {
      findings {
        ...ScreenFinding
      }
      unresolvedBlocks {
        ...ScreenFinding
      }
      cleared
      unanswered
    }
  }
`);

export const RecordConsultationMutation = graphql(`
  mutation RecordConsultation($patientId: ID!, $input: ConsultationInput!, $idempotencyKey: String) {
    recordConsultation(patientId: $patientId, input: $input, idempotencyKey: $idempotencyKey) {
      consultation {
        ...ConsultationFields
      }
    }
  }
`);

export const ConsultationQuery = graphql(`
  query Consultation($id: ID!) {
    node(id: $id) {
      ... on Consultation {
        ...ConsultationFields
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

export const OverrideContraindicationMutation = graphql(`
  mutation OverrideContraindication(
    $consultationId: ID!
    $version: Int!
    $code: String!
    $reason: String!
    $idempotencyKey: String
  ) {
    overrideContraindication(
      consultationId: $consultationId
      version: $version
      code: $code
      reason: $reason
      idempotencyKey: $idempotencyKey
    ) {
      consultation {
        ...ConsultationFields
      }
    }
  }
`);
