import { toGlobalId } from "@needlework/api";
import type { GqlResult, TestApi } from "../support/api";

/**
 * The write mutations the hardening suites drive, each with how to set up one fresh run. The fault
 * suite fails every DynamoDB call of each in turn; the concurrency suite races the `update` ones.
 * Add a case here when a mutation lands; the suites print the Mutation fields not yet covered.
 */
export interface WriteCase {
  /** The Mutation field. */
  field: string;
  /** Label when one field has several cases. */
  label?: string;
  document: string;
  /** Fresh preconditions for one run (written without faults); returns the variables, including `key`. */
  prepare(api: TestApi, run: number): Promise<Record<string, unknown>>;
}

/** An update that carries the version it read: N parallel callers with one version → 1 winner. */
export interface VersionedUpdateCase {
  field: string;
  document: string;
  /** A fresh record; returns the variables of caller `i` (all with the same version). */
  prepare(api: TestApi): Promise<(i: number) => Record<string, unknown>>;
  /** The version after the race, read back. */
  versionAfter(api: TestApi, vars: Record<string, unknown>): Promise<number>;
}

export const harbour = toGlobalId("Site", "harbour");

export function patientInput(givenName: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: harbour,
    givenName,
    familyName: "Hardening",
    dateOfBirth: "1988-04-04",
    fitzpatrick: "II",
    allergies: [{ substance: "Lidocaine", kind: "ALLERGY", severity: "MODERATE" }],
    ...over,
  };
}

export const CREATE_PATIENT = /* GraphQL */ `
  mutation ($input: PatientInput!, $key: String) {
    createPatient(input: $input, idempotencyKey: $key) {
      patient {
        id
        version
        givenName
      }
    }
  }
`;
export const UPDATE_PATIENT = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: PatientInput!, $key: String) {
    updatePatient(id: $id, version: $version, input: $input, idempotencyKey: $key) {
      patient {
        id
        version
        givenName
      }
    }
  }
`;

export async function newPatient(api: TestApi, givenName: string): Promise<string> {
  const r = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE_PATIENT, {
    input: patientInput(givenName),
  });
  if (!r.data) throw new Error(`setup failed: ${JSON.stringify(r.errors)}`);
  return r.data.createPatient.patient.id;
}

export const writeCases: WriteCase[] = [
  {
    field: "createPatient",
    document: CREATE_PATIENT,
    prepare: async (_api, run) => ({
      input: patientInput(`Create${run}`),
      key: `fault-create-${run}-${Date.now()}`,
    }),
  },
  {
    field: "updatePatient",
    document: UPDATE_PATIENT,
    prepare: async (api, run) => ({
      id: await newPatient(api, `Update${run}`),
      version: 1,
      input: patientInput(`Updated${run}`, { fitzpatrick: "V", historyFlags: ["ROSACEA"] }),
      key: `fault-update-${run}-${Date.now()}`,
    }),
  },
];

export const versionedUpdateCases: VersionedUpdateCase[] = [
  {
    field: "updatePatient",
    document: UPDATE_PATIENT,
    prepare: async (api) => {
      const id = await newPatient(api, "Racer");
      return (i) => ({ id, version: 1, input: patientInput(`Racer${i}`) });
    },
    versionAfter: async (api, vars) => {
      const r = await api.gql<{ patient: { version: number } }>(
        `query($id: ID!) { patient(id: $id) { version } }`,
        { id: vars.id },
      );
      return r.data?.patient.version ?? -1;
    },
  },
];

/** The data of a successful mutation, or undefined. */
export function payload(r: GqlResult<unknown>, field: string): unknown {
  const data = r.data as Record<string, unknown> | null | undefined;
  return r.errors?.length ? undefined : data?.[field];
}
