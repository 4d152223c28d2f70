import { graphql } from "../gql";

export const SerumQuery = graphql(`
  query Serum($id: ID!) {
    node(id: $id) {
      ... on SerumAddOn {
        ...SerumCatalogueFields
      }
    }
  }
`);

export const CreateSerumMutation = graphql(`
  mutation CreateSerum($input: SerumInput!, $idempotencyKey: String) {
    createSerum(input: $input, idempotencyKey: $idempotencyKey) {
      serum {
        ...SerumCatalogueFields
      }
    }
  }
`);

export const UpdateSerumMutation = graphql(`
  mutation UpdateSerum($id: ID!, $version: Int!, $input: SerumInput!, $idempotencyKey: String) {
    updateSerum(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {
      serum {
        ...SerumCatalogueFields
      }
    }
  }
`);

export const AddSerumLotMutation = graphql(`
  mutation AddSerumLot($id: ID!, $version: Int!, $lot: SerumLotInput!, $idempotencyKey: String) {
    addSerumLot(id: $id, version: $version, lot: $lot, idempotencyKey: $idempotencyKey) {
      serum {
        ...SerumCatalogueFields
      }
    }
  }
`);

export const SessionsByLotQuery = graphql(`
  query SessionsByLot($serumId: ID!, $lotNumber: String!, $after: String) {
    sessionsByLot(serumId: $serumId, lotNumber: $lotNumber, first: 25, after: $after) {
      edges {
        cursor
        performedOn
        zone
        node {
          id
          patient {
            id
            givenName
            familyName
            dateOfBirth
            phone
            email
          }
          site {
            id
            name
          }
          practitioner {
            id
            name
          }
          adverseEvents {
            type
            label
            lotNumber
            serum {
              id
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

export const SiteFieldsFragment = graphql(`
  fragment SiteFields on Site {
    id
    name
    archived
    version
  }
`);

export const SitesQuery = graphql(`
  query Sites($after: String) {
    sites(first: 50, after: $after) {
      edges {
        node {
          ...SiteFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateSiteMutation = graphql(`
  mutation CreateSite($input: SiteInput!, $idempotencyKey: String) {
    createSite(input: $input, idempotencyKey: $idempotencyKey) {
      site {
        ...SiteFields
      }
    }
  }
`);

export const UpdateSiteMutation = graphql(`
  mutation UpdateSite($id: ID!, $version: Int!, $input: SiteUpdateInput!, $idempotencyKey: String) {
    updateSite(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {
      site {
        ...SiteFields
      }
    }
  }
`);

export const UserFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    email
    name
    role
    sites {
      id
      name
    }
    active
    version
    updatedAt
  }
`);

export const UsersQuery = graphql(`
  query Users($after: String) {
    users(first: 50, after: $after) {
      edges {
        node {
          ...UserFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: UserInput!, $idempotencyKey: String) {
    inviteUser(input: $input, idempotencyKey: $idempotencyKey) {
      user {
        ...UserFields
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($id: ID!, $version: Int!, $input: UserUpdateInput!, $idempotencyKey: String) {
    updateUser(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {
      user {
        ...UserFields
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!, $version: Int!) {
    deactivateUser(id: $id, version: $version) {
      user {
        ...UserFields
      }
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!, $version: Int!) {
    reactivateUser(id: $id, version: $version) {
      user {
        ...UserFields
      }
    }
  }
`);

export const ClinicSettingsFieldsFragment = graphql(`
  fragment ClinicSettingsFields on ClinicSettings {
    chemoRadiotherapyMonths
    isotretinoinMonths
    isotretinoinLevel
    toxinDays
    fillerDays
    peelLaserRetinoidDays
    retreatmentMonths
    rebookingGraceDays
    activesAfterNeedlingDays
    aftercareText
    idleLockMinutes
    isDefault
    version
    updatedAt
  }
`);

export const ClinicSettingsQuery = graphql(`
  query ClinicSettings {
    clinicSettings {
      ...ClinicSettingsFields
    }
  }
`);

export const UpdateClinicSettingsMutation = graphql(`
  mutation UpdateClinicSettings($version: Int!, $input: ClinicSettingsInput!, $idempotencyKey: String) {
    updateClinicSettings(version: $version, input: $input, idempotencyKey: $idempotencyKey) {
      settings {
        ...ClinicSettingsFields
      }
    }
  }
`);

export const AuditEntryFieldsFragment = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    at
    userId
    userEmail
    role
    action
    patientId
    siteId
    outcome
    detail
    detailErased
  }
`);

export const AuditTrailQuery = graphql(`
  query AuditTrail($patientId: ID!, $after: String) {
    auditTrail(patientId: $patientId, first: 50, after: $after) {
      edges {
        node {
          ...AuditEntryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AuditByUserQuery = graphql(`
  query AuditByUser($userId: ID!, $after: String) {
    auditByUser(userId: $userId, first: 50, after: $after) {
      edges {
        node {
          ...AuditEntryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Finding a patient for the audit trail: the name search of a site's list. */
export const AuditPatientSearchQuery = graphql(`
  query AuditPatientSearch($siteId: ID!, $search: String) {
    patients(siteId: $siteId, search: $search, first: 10) {
      edges {
        node {
          id
          givenName
          familyName
          dateOfBirth
        }
      }
    }
  }
`);
