/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      userId\n      email\n      name\n      role\n      groupId\n      groupName\n      sites {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  fragment PatientFields on Patient {\n    id\n    site {\n      id\n      name\n    }\n    givenName\n    familyName\n    dateOfBirth\n    email\n    phone\n    fitzpatrick\n    allergies {\n      substance\n      kind\n      reaction\n      severity\n    }\n    medications {\n      name\n      class\n      startedOn\n      stoppedOn\n    }\n    historyFlags\n    archived\n    version\n    updatedAt\n  }\n": typeof types.PatientFieldsFragmentDoc,
    "\n  query Patients($siteId: ID!, $search: String, $first: Int, $after: String) {\n    patients(siteId: $siteId, search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          givenName\n          familyName\n          dateOfBirth\n          email\n          phone\n          fitzpatrick\n          allergies {\n            substance\n            kind\n            severity\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PatientsDocument,
    "\n  query Patient($id: ID!) {\n    patient(id: $id) {\n      ...PatientFields\n    }\n  }\n": typeof types.PatientDocument,
    "\n  mutation CreatePatient($input: PatientInput!, $idempotencyKey: String) {\n    createPatient(input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n": typeof types.CreatePatientDocument,
    "\n  mutation UpdatePatient($id: ID!, $version: Int!, $input: PatientInput!, $idempotencyKey: String) {\n    updatePatient(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n": typeof types.UpdatePatientDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      userId\n      email\n      name\n      role\n      groupId\n      groupName\n      sites {\n        id\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  fragment PatientFields on Patient {\n    id\n    site {\n      id\n      name\n    }\n    givenName\n    familyName\n    dateOfBirth\n    email\n    phone\n    fitzpatrick\n    allergies {\n      substance\n      kind\n      reaction\n      severity\n    }\n    medications {\n      name\n      class\n      startedOn\n      stoppedOn\n    }\n    historyFlags\n    archived\n    version\n    updatedAt\n  }\n": types.PatientFieldsFragmentDoc,
    "\n  query Patients($siteId: ID!, $search: String, $first: Int, $after: String) {\n    patients(siteId: $siteId, search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          givenName\n          familyName\n          dateOfBirth\n          email\n          phone\n          fitzpatrick\n          allergies {\n            substance\n            kind\n            severity\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PatientsDocument,
    "\n  query Patient($id: ID!) {\n    patient(id: $id) {\n      ...PatientFields\n    }\n  }\n": types.PatientDocument,
    "\n  mutation CreatePatient($input: PatientInput!, $idempotencyKey: String) {\n    createPatient(input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n": types.CreatePatientDocument,
    "\n  mutation UpdatePatient($id: ID!, $version: Int!, $input: PatientInput!, $idempotencyKey: String) {\n    updatePatient(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n": types.UpdatePatientDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      userId\n      email\n      name\n      role\n      groupId\n      groupName\n      sites {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatientFields on Patient {\n    id\n    site {\n      id\n      name\n    }\n    givenName\n    familyName\n    dateOfBirth\n    email\n    phone\n    fitzpatrick\n    allergies {\n      substance\n      kind\n      reaction\n      severity\n    }\n    medications {\n      name\n      class\n      startedOn\n      stoppedOn\n    }\n    historyFlags\n    archived\n    version\n    updatedAt\n  }\n"): typeof import('./graphql').PatientFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Patients($siteId: ID!, $search: String, $first: Int, $after: String) {\n    patients(siteId: $siteId, search: $search, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          givenName\n          familyName\n          dateOfBirth\n          email\n          phone\n          fitzpatrick\n          allergies {\n            substance\n            kind\n            severity\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').PatientsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Patient($id: ID!) {\n    patient(id: $id) {\n      ...PatientFields\n    }\n  }\n"): typeof import('./graphql').PatientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePatient($input: PatientInput!, $idempotencyKey: String) {\n    createPatient(input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreatePatientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePatient($id: ID!, $version: Int!, $input: PatientInput!, $idempotencyKey: String) {\n    updatePatient(id: $id, version: $version, input: $input, idempotencyKey: $idempotencyKey) {\n      patient {\n        ...PatientFields\n      }\n    }\n  }\n"): typeof import('./graphql').UpdatePatientDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
