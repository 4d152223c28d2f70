import { toGlobalId } from "@needlework/api";
import type { Principal } from "@needlework/core";
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
  /** Who calls it (default: ava, a practitioner at Harbour Street). */
  as?: (api: TestApi) => Principal;
  /** One record per group (settings, a protocol): its version moves with every successful run. */
  singleton?: boolean;
  /**
   * Fresh preconditions for one run (written without faults); returns the variables, with `key`
   * when the mutation takes an idempotency key.
   */
  prepare(api: TestApi, run: number): Promise<Record<string, unknown>>;
}

/**
 * An update that carries the version it read: N parallel callers with one version give one winner;
 * afterwards an update with version + 1 succeeds (so the store holds exactly version + 1).
 */
export interface VersionedUpdateCase {
  field: string;
  document: string;
  as?: (api: TestApi) => Principal;
  /** A fresh record; returns the variables of caller `i`, all carrying the same `version`. */
  prepare(api: TestApi): Promise<(i: number) => Record<string, unknown>>;
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

export async function newPatient(
  api: TestApi,
  givenName: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const r = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE_PATIENT, {
    input: patientInput(givenName, over),
  });
  if (!r.data) throw new Error(`setup failed: ${JSON.stringify(r.errors)}`);
  return r.data.createPatient.patient.id;
}

/** The data of a successful mutation, or undefined. */
export function payload(r: GqlResult<unknown>, field: string): unknown {
  const data = r.data as Record<string, unknown> | null | undefined;
  return r.errors?.length ? undefined : data?.[field];
}

// ---- the clinical chain: consultation → plan → session, each on a fresh patient ----------------------

export const TODAY = new Date().toISOString().slice(0, 10);
export const HA = toGlobalId("SerumAddOn", "srm-hyaluronic-acid");
const HA_LOT = "HYAL-2511";

export const noAnswers = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
const wrinkles = {
  indication: "WRINKLES",
  bodyArea: "FOREHEAD",
  zones: ["FOREHEAD"],
  baselineScale: "LEMPERLE",
  baselineScore: 3,
};

export const RECORD_CONSULTATION = /* GraphQL */ `
  mutation ($patientId: ID!, $input: ConsultationInput!, $key: String) {
    recordConsultation(patientId: $patientId, input: $input, idempotencyKey: $key) {
      consultation {
        id
        version
        cleared
        concerns {
          id
        }
        unresolvedBlocks {
          code
          overridable
        }
        findings {
          code
          overridable
        }
      }
    }
  }
`;
export const OVERRIDE_CONTRAINDICATION = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $code: String!, $reason: String!, $key: String) {
    overrideContraindication(
      consultationId: $id
      version: $version
      code: $code
      reason: $reason
      idempotencyKey: $key
    ) {
      consultation {
        id
        version
        cleared
      }
    }
  }
`;
export const CREATE_PLAN = /* GraphQL */ `
  mutation ($input: TreatmentPlanInput!, $key: String) {
    createTreatmentPlan(input: $input, idempotencyKey: $key) {
      plan {
        id
        version
        status
      }
    }
  }
`;
export const UPDATE_PLAN = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: TreatmentPlanUpdateInput!, $key: String) {
    updateTreatmentPlan(id: $id, version: $version, input: $input, idempotencyKey: $key) {
      plan {
        id
        version
        notes
      }
    }
  }
`;
export const RECORD_SESSION = /* GraphQL */ `
  mutation ($patientId: ID!, $input: TreatmentSessionInput!, $key: String) {
    recordTreatmentSession(patientId: $patientId, input: $input, idempotencyKey: $key) {
      session {
        id
        version
      }
      plan {
        id
        version
        progress {
          done
        }
      }
    }
  }
`;
export const RECORD_ADVERSE_EVENT = /* GraphQL */ `
  mutation ($sessionId: ID!, $version: Int!, $event: AdverseEventInput!, $key: String) {
    recordAdverseEvent(sessionId: $sessionId, version: $version, event: $event, idempotencyKey: $key) {
      session {
        id
        version
      }
    }
  }
`;
export const RECORD_ASSESSMENT = /* GraphQL */ `
  mutation ($patientId: ID!, $input: AssessmentInput!, $key: String) {
    recordAssessment(patientId: $patientId, input: $input, idempotencyKey: $key) {
      assessment {
        id
      }
    }
  }
`;

export async function must<T>(
  api: TestApi,
  query: string,
  vars: Record<string, unknown>,
  as = api.users.ava,
): Promise<T> {
  const r = await api.gql<T>(query, vars, as);
  if (!r.data || r.errors?.length) throw new Error(`setup failed: ${JSON.stringify(r.errors)}`);
  return r.data;
}

export function consultationVars(
  patientId: string,
  answers: Record<string, unknown> = noAnswers,
): Record<string, unknown> {
  return { patientId, input: { date: TODAY, siteId: harbour, concerns: [wrinkles], answers } };
}

interface Consulted {
  patientId: string;
  consultationId: string;
  consultationVersion: number;
  concernId: string;
  blocks: { code: string; overridable: boolean }[];
}

/** A consultation on a fresh patient: cleared, or (`allergic`) with an overridable BLOCK (lidocaine). */
export async function consulted(api: TestApi, name: string, allergic = false): Promise<Consulted> {
  const patientId = await newPatient(api, name, allergic ? {} : { allergies: [] });
  type Out = {
    recordConsultation: {
      consultation: {
        id: string;
        version: number;
        concerns: { id: string }[];
        unresolvedBlocks: { code: string; overridable: boolean }[];
      };
    };
  };
  const c = (await must<Out>(api, RECORD_CONSULTATION, consultationVars(patientId))).recordConsultation
    .consultation;
  return {
    patientId,
    consultationId: c.id,
    consultationVersion: c.version,
    concernId: c.concerns[0]!.id,
    blocks: c.unresolvedBlocks,
  };
}

export function planVars(c: Consulted): Record<string, unknown> {
  return {
    input: {
      consultationId: c.consultationId,
      concernIds: [c.concernId],
      siteId: harbour,
      startDate: TODAY,
      zones: [{ zone: "FOREHEAD", depthMm: 0.5 }],
      sessionsPlanned: 3,
      intervalWeeks: 4,
      device: "PEN",
      plannedSerums: [{ serumId: HA }],
    },
  };
}

interface Planned extends Consulted {
  planId: string;
  planVersion: number;
}

export async function planned(api: TestApi, name: string): Promise<Planned> {
  const c = await consulted(api, name);
  type Out = { createTreatmentPlan: { plan: { id: string; version: number } } };
  const p = (await must<Out>(api, CREATE_PLAN, planVars(c))).createTreatmentPlan.plan;
  return { ...c, planId: p.id, planVersion: p.version };
}

export function sessionVars(p: Planned): Record<string, unknown> {
  return {
    patientId: p.patientId,
    input: {
      planId: p.planId,
      siteId: harbour,
      performedOn: TODAY,
      device: "PEN",
      cartridge: { needleCount: 12, lotNumber: "CART-001" },
      zones: [{ zone: "FOREHEAD", depthMm: 0.5, passes: 2 }],
      serumsApplied: [{ serumId: HA, lotNumber: HA_LOT, zone: "FOREHEAD" }],
      aftercareGiven: true,
      rescreen: noAnswers,
    },
  };
}

interface Sessioned extends Planned {
  sessionId: string;
  sessionVersion: number;
}

export async function sessioned(api: TestApi, name: string): Promise<Sessioned> {
  const p = await planned(api, name);
  type Out = { recordTreatmentSession: { session: { id: string; version: number } } };
  const s = (await must<Out>(api, RECORD_SESSION, sessionVars(p))).recordTreatmentSession.session;
  return { ...p, sessionId: s.id, sessionVersion: s.version };
}

export const adverseEvent = (n: number) => ({
  type: "ERYTHEMA_OEDEMA",
  onsetOn: TODAY,
  durationDays: 1 + (n % 3),
  severity: "MILD",
  notes: `Redness settled (${n})`,
});

export function assessmentVars(c: Consulted): Record<string, unknown> {
  return {
    patientId: c.patientId,
    input: { concernId: c.concernId, scale: "LEMPERLE", score: 2, rater: "CLINICIAN", assessedOn: TODAY },
  };
}

// ---- administration: sites, users, serums, protocols, settings (clinic admin mia) -------------------

const admin = (api: TestApi): Principal => api.users.mia!;
const unique = (run: number) => `${run}-${Date.now().toString(36)}`;

export const CREATE_SITE = /* GraphQL */ `
  mutation ($input: SiteInput!, $key: String) {
    createSite(input: $input, idempotencyKey: $key) {
      site {
        id
        version
      }
    }
  }
`;
export const UPDATE_SITE = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: SiteUpdateInput!, $key: String) {
    updateSite(id: $id, version: $version, input: $input, idempotencyKey: $key) {
      site {
        id
        version
      }
    }
  }
`;
export const INVITE_USER = /* GraphQL */ `
  mutation ($input: UserInput!, $key: String) {
    inviteUser(input: $input, idempotencyKey: $key) {
      user {
        id
        version
      }
    }
  }
`;
export const UPDATE_USER = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: UserUpdateInput!, $key: String) {
    updateUser(id: $id, version: $version, input: $input, idempotencyKey: $key) {
      user {
        id
        version
      }
    }
  }
`;
export const DEACTIVATE_USER = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!) {
    deactivateUser(id: $id, version: $version) {
      user {
        id
        version
        active
      }
    }
  }
`;
export const REACTIVATE_USER = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!) {
    reactivateUser(id: $id, version: $version) {
      user {
        id
        version
        active
      }
    }
  }
`;
export const CREATE_SERUM = /* GraphQL */ `
  mutation ($input: SerumInput!, $key: String) {
    createSerum(input: $input, idempotencyKey: $key) {
      serum {
        id
        version
      }
    }
  }
`;
export const UPDATE_SERUM = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $input: SerumInput!, $key: String) {
    updateSerum(id: $id, version: $version, input: $input, idempotencyKey: $key) {
      serum {
        id
        version
      }
    }
  }
`;
export const ADD_SERUM_LOT = /* GraphQL */ `
  mutation ($id: ID!, $version: Int!, $lot: SerumLotInput!, $key: String) {
    addSerumLot(id: $id, version: $version, lot: $lot, idempotencyKey: $key) {
      serum {
        id
        version
      }
    }
  }
`;
const PROTOCOL_FIELDS = `indication name depthMinMm depthMaxMm zoneDepths { zone minMm maxMm } sessionsMin sessionsMax
  sessionsDefault intervalWeeksMin intervalWeeksMax intervalWeeksDefault suggestedSerums device defaultZones notes version`;
export const UPDATE_PROTOCOL = /* GraphQL */ `
  mutation ($indication: Indication!, $version: Int!, $input: ProtocolTemplateInput!, $key: String) {
    updateProtocol(indication: $indication, version: $version, input: $input, idempotencyKey: $key) {
      protocol {
        indication
        version
      }
    }
  }
`;
export const UPDATE_SETTINGS = /* GraphQL */ `
  mutation ($version: Int!, $input: ClinicSettingsInput!, $key: String) {
    updateClinicSettings(version: $version, input: $input, idempotencyKey: $key) {
      settings {
        version
      }
    }
  }
`;

export const serumInput = (name: string) => ({
  name,
  ingredients: ["Copper tripeptide-1", "Glycerin"],
  allergens: ["Fragrance"],
  clearance: "TOPICAL_AFTER_HEALING",
  sterile: false,
});

async function newSite(api: TestApi, name: string) {
  return (
    await must<{ createSite: { site: { id: string; version: number } } }>(
      api,
      CREATE_SITE,
      { input: { name } },
      admin(api),
    )
  ).createSite.site;
}
async function newUser(api: TestApi, run: string) {
  const input = {
    email: `hardening-${run}@glow.example`,
    name: `Hardening ${run}`,
    role: "PRACTITIONER",
    siteIds: [harbour],
  };
  return (
    await must<{ inviteUser: { user: { id: string; version: number } } }>(
      api,
      INVITE_USER,
      { input },
      admin(api),
    )
  ).inviteUser.user;
}
async function newSerum(api: TestApi, name: string) {
  return (
    await must<{ createSerum: { serum: { id: string; version: number } } }>(
      api,
      CREATE_SERUM,
      { input: serumInput(name) },
      admin(api),
    )
  ).createSerum.serum;
}
/** The group's current WRINKLES template as an input (what the admin page sends back), and its version. */
async function wrinklesProtocol(api: TestApi): Promise<{ version: number; input: Record<string, unknown> }> {
  type P = Record<string, unknown> & { indication: string; version: number };
  const all = (await must<{ protocols: P[] }>(api, `{ protocols { ${PROTOCOL_FIELDS} } }`, {}, admin(api)))
    .protocols;
  const { indication: _i, version, ...input } = all.find((p) => p.indication === "WRINKLES")!;
  return { version, input };
}
async function settingsVersion(api: TestApi): Promise<number> {
  return (
    await must<{ clinicSettings: { version: number } }>(api, `{ clinicSettings { version } }`, {}, admin(api))
  ).clinicSettings.version;
}

// ---- the registries ---------------------------------------------------------------------------------

export const writeCases: WriteCase[] = [
  {
    field: "createPatient",
    document: CREATE_PATIENT,
    prepare: async (_api, run) => ({
      input: patientInput(`Create${run}`),
      key: `fault-create-${unique(run)}`,
    }),
  },
  {
    field: "updatePatient",
    document: UPDATE_PATIENT,
    prepare: async (api, run) => ({
      id: await newPatient(api, `Update${run}`),
      version: 1,
      input: patientInput(`Updated${run}`, { fitzpatrick: "V", historyFlags: ["ROSACEA"] }),
      key: `fault-update-${unique(run)}`,
    }),
  },
  {
    field: "recordConsultation",
    document: RECORD_CONSULTATION,
    prepare: async (api, run) => ({
      ...consultationVars(await newPatient(api, `Consult${run}`, { allergies: [] })),
      key: `fault-consult-${unique(run)}`,
    }),
  },
  {
    field: "overrideContraindication",
    document: OVERRIDE_CONTRAINDICATION,
    prepare: async (api, run) => {
      const c = await consulted(api, `Override${run}`, true);
      return {
        id: c.consultationId,
        version: c.consultationVersion,
        code: c.blocks[0]!.code,
        reason: "Prescriber approved a lidocaine-free numbing cream",
        key: `fault-override-${unique(run)}`,
      };
    },
  },
  {
    field: "createTreatmentPlan",
    document: CREATE_PLAN,
    prepare: async (api, run) => ({
      ...planVars(await consulted(api, `Plan${run}`)),
      key: `fault-plan-${unique(run)}`,
    }),
  },
  {
    field: "updateTreatmentPlan",
    document: UPDATE_PLAN,
    prepare: async (api, run) => {
      const p = await planned(api, `PlanUpdate${run}`);
      return {
        id: p.planId,
        version: p.planVersion,
        input: { sessionsPlanned: 4, intervalWeeks: 5, notes: `Extended after review ${run}` },
        key: `fault-plan-update-${unique(run)}`,
      };
    },
  },
  {
    field: "recordTreatmentSession",
    document: RECORD_SESSION,
    prepare: async (api, run) => ({
      ...sessionVars(await planned(api, `Session${run}`)),
      key: `fault-session-${unique(run)}`,
    }),
  },
  {
    field: "recordAdverseEvent",
    document: RECORD_ADVERSE_EVENT,
    prepare: async (api, run) => {
      const s = await sessioned(api, `Adverse${run}`);
      return {
        sessionId: s.sessionId,
        version: s.sessionVersion,
        event: adverseEvent(run),
        key: `fault-adverse-${unique(run)}`,
      };
    },
  },
  {
    field: "recordAssessment",
    document: RECORD_ASSESSMENT,
    prepare: async (api, run) => ({
      ...assessmentVars(await sessioned(api, `Assess${run}`)),
      key: `fault-assess-${unique(run)}`,
    }),
  },
  {
    field: "createSite",
    document: CREATE_SITE,
    as: admin,
    prepare: async (_api, run) => ({
      input: { name: `Fault Site ${unique(run)}` },
      key: `fault-site-${unique(run)}`,
    }),
  },
  {
    field: "updateSite",
    document: UPDATE_SITE,
    as: admin,
    prepare: async (api, run) => {
      const site = await newSite(api, `Site To Rename ${unique(run)}`);
      return {
        id: site.id,
        version: site.version,
        input: { name: `Renamed ${unique(run)}` },
        key: `fault-site-up-${unique(run)}`,
      };
    },
  },
  {
    field: "inviteUser",
    document: INVITE_USER,
    as: admin,
    prepare: async (_api, run) => ({
      input: {
        email: `fault-${unique(run)}@glow.example`,
        name: `Fault ${run}`,
        role: "PRACTITIONER",
        siteIds: [harbour],
      },
      key: `fault-invite-${unique(run)}`,
    }),
  },
  {
    field: "updateUser",
    document: UPDATE_USER,
    as: admin,
    prepare: async (api, run) => {
      const u = await newUser(api, `up-${unique(run)}`);
      return {
        id: u.id,
        version: u.version,
        input: { name: `Renamed ${run}` },
        key: `fault-user-up-${unique(run)}`,
      };
    },
  },
  {
    field: "deactivateUser",
    document: DEACTIVATE_USER,
    as: admin,
    prepare: async (api, run) => {
      const u = await newUser(api, `off-${unique(run)}`);
      return { id: u.id, version: u.version };
    },
  },
  {
    field: "reactivateUser",
    document: REACTIVATE_USER,
    as: admin,
    prepare: async (api, run) => {
      const u = await newUser(api, `on-${unique(run)}`);
      type Out = { deactivateUser: { user: { version: number } } };
      const off = await must<Out>(api, DEACTIVATE_USER, { id: u.id, version: u.version }, admin(api));
      return { id: u.id, version: off.deactivateUser.user.version };
    },
  },
  {
    field: "createSerum",
    document: CREATE_SERUM,
    as: admin,
    prepare: async (_api, run) => ({
      input: serumInput(`Fault serum ${unique(run)}`),
      key: `fault-serum-${unique(run)}`,
    }),
  },
  {
    field: "updateSerum",
    document: UPDATE_SERUM,
    as: admin,
    prepare: async (api, run) => {
      const s = await newSerum(api, `Serum to update ${unique(run)}`);
      return {
        id: s.id,
        version: s.version,
        input: serumInput(`Updated serum ${unique(run)}`),
        key: `fault-serum-up-${unique(run)}`,
      };
    },
  },
  {
    field: "addSerumLot",
    document: ADD_SERUM_LOT,
    as: admin,
    prepare: async (api, run) => {
      const s = await newSerum(api, `Serum with lot ${unique(run)}`);
      return {
        id: s.id,
        version: s.version,
        lot: { lotNumber: `LOT-${run}`, expiresOn: "2029-06-30" },
        key: `fault-lot-${unique(run)}`,
      };
    },
  },
  {
    field: "updateProtocol",
    document: UPDATE_PROTOCOL,
    as: admin,
    singleton: true,
    prepare: async (api, run) => {
      const p = await wrinklesProtocol(api);
      return {
        indication: "WRINKLES",
        version: p.version,
        input: { ...p.input, notes: `Reviewed ${unique(run)}` },
        key: `fault-protocol-${unique(run)}`,
      };
    },
  },
  {
    field: "updateClinicSettings",
    document: UPDATE_SETTINGS,
    as: admin,
    singleton: true,
    prepare: async (api, run) => ({
      version: await settingsVersion(api),
      input: { toxinDays: 14 + (run % 7), aftercareText: `Aftercare ${unique(run)}` },
      key: `fault-settings-${unique(run)}`,
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
  },
  {
    field: "updateTreatmentPlan",
    document: UPDATE_PLAN,
    prepare: async (api) => {
      const p = await planned(api, "PlanRacer");
      return (i) => ({ id: p.planId, version: p.planVersion, input: { notes: `Racer ${i}` } });
    },
  },
  {
    field: "recordAdverseEvent",
    document: RECORD_ADVERSE_EVENT,
    prepare: async (api) => {
      const s = await sessioned(api, "AdverseRacer");
      return (i) => ({ sessionId: s.sessionId, version: s.sessionVersion, event: adverseEvent(i) });
    },
  },
  {
    field: "overrideContraindication",
    document: OVERRIDE_CONTRAINDICATION,
    prepare: async (api) => {
      const c = await consulted(api, "OverrideRacer", true);
      return (i) => ({
        id: c.consultationId,
        version: c.consultationVersion,
        code: c.blocks[0]!.code,
        reason: `Prescriber reviewed the INR result and agreed, request ${i}`,
      });
    },
  },
  {
    field: "updateSite",
    document: UPDATE_SITE,
    as: admin,
    prepare: async (api) => {
      const site = await newSite(api, `Race Site ${Date.now().toString(36)}`);
      return (i) => ({
        id: site.id,
        version: site.version,
        input: { name: `Race Site ${i} ${Date.now().toString(36)}` },
      });
    },
  },
  {
    field: "updateUser",
    document: UPDATE_USER,
    as: admin,
    prepare: async (api) => {
      const u = await newUser(api, `race-${Date.now().toString(36)}`);
      return (i) => ({ id: u.id, version: u.version, input: { name: `Racer ${i}` } });
    },
  },
  {
    field: "updateSerum",
    document: UPDATE_SERUM,
    as: admin,
    prepare: async (api) => {
      const s = await newSerum(api, `Race serum ${Date.now().toString(36)}`);
      return (i) => ({
        id: s.id,
        version: s.version,
        input: serumInput(`Race serum ${i} ${Date.now().toString(36)}`),
      });
    },
  },
  {
    field: "addSerumLot",
    document: ADD_SERUM_LOT,
    as: admin,
    prepare: async (api) => {
      const s = await newSerum(api, `Lot race serum ${Date.now().toString(36)}`);
      return (i) => ({
        id: s.id,
        version: s.version,
        lot: { lotNumber: `RACE-${i}`, expiresOn: "2029-06-30" },
      });
    },
  },
  {
    field: "deactivateUser",
    document: DEACTIVATE_USER,
    as: admin,
    prepare: async (api) => {
      const u = await newUser(api, `off-race-${Date.now().toString(36)}`);
      return () => ({ id: u.id, version: u.version });
    },
  },
  {
    field: "updateProtocol",
    document: UPDATE_PROTOCOL,
    as: admin,
    prepare: async (api) => {
      const p = await wrinklesProtocol(api);
      return (i) => ({
        indication: "WRINKLES",
        version: p.version,
        input: { ...p.input, notes: `Race ${i}` },
      });
    },
  },
  {
    field: "updateClinicSettings",
    document: UPDATE_SETTINGS,
    as: admin,
    prepare: async (api) => {
      const version = await settingsVersion(api);
      return (i) => ({ version, input: { toxinDays: 10 + i } });
    },
  },
];
