import DataLoader from "dataloader";
import type { Patient, Principal } from "@needlework/core";
import type { IdentityProvider } from "./auth/identity";
import type { Logger } from "./errors";
import { unauthenticated } from "@needlework/core";
import {
  Consultations,
  getPatientProfiles,
  Groups,
  GroupSettings,
  parseRef,
  TreatmentPlans,
  type Concern,
  type Consultation,
  type Db,
  type RequestScope,
  type Site,
  type StoredSettings,
  type TreatmentPlan,
} from "@needlework/store";
import {
  Assessments,
  SerumCatalogue,
  TreatmentSessions,
  type Assessment,
  type SerumRecord,
  type TreatmentSession,
} from "@needlework/store";

/**
 * Per-request context: the principal (verified, or the reason it is missing), the database, and
 * DataLoaders created fresh for each request so nothing is cached across callers.
 */
export interface Context {
  db: Db;
  principal: Principal | undefined;
  /** The verified token's `iat` (epoch seconds), checked against the user's last access change. */
  tokenIssuedAt: number | undefined;
  authError: Error | undefined;
  scope: RequestScope;
  loaders: Loaders;
  /** Where users sign in: local (no accounts) or the stage's Cognito user pool (auth/identity.ts). */
  identity: IdentityProvider;
  /** The server's error log (details that never go to the client). */
  log: Logger;
}

export interface Loaders {
  site: DataLoader<string, Site | undefined>;
  /** Profiles by patient id; the resolver checks the principal may see the patient (canSeeSite). */
  patient: DataLoader<string, Patient | undefined>;
  /** Clinical records by local id `<patientId>|<date>|<id>`; visibility through the patient loader. */
  concern: DataLoader<string, Concern | undefined>;
  consultation: DataLoader<string, Consultation | undefined>;
  plan: DataLoader<string, TreatmentPlan | undefined>;
  /** Every concern of a patient (one Query per patient; cached for the request). */
  concernsOfPatient: DataLoader<string, Concern[]>;
  /** The group's clinic settings (one GetItem per request at most). */
  settings: DataLoader<string, StoredSettings>;
  /** Catalogue serums by id (one BatchGetItem per tick). */
  serum: DataLoader<string, SerumRecord | undefined>;
  /** Sessions and assessments by local id `<patientId>|<date>|<id>`; visibility through the patient loader. */
  session: DataLoader<string, TreatmentSession | undefined>;
  assessment: DataLoader<string, Assessment | undefined>;
}

/** A DataLoader batch over local ids `<patientId>|<date>|<id>`; malformed ones load as undefined. */
function byRef<T>(
  principal: Principal | undefined,
  load: (groupId: string, refs: NonNullable<ReturnType<typeof parseRef>>[]) => Promise<(T | undefined)[]>,
) {
  return async (ids: readonly string[]): Promise<(T | undefined)[]> => {
    const refs = ids.map(parseRef);
    const valid = refs.filter((r): r is NonNullable<typeof r> => !!r);
    if (!principal || valid.length === 0) return ids.map(() => undefined);
    const found = await load(principal.groupId, valid);
    const out = new Map(valid.map((r, i) => [`${r.patientId}|${r.date}|${r.id}`, found[i]]));
    return ids.map((id) => out.get(id));
  };
}

export function createLoaders(db: Db, principal: Principal | undefined): Loaders {
  return {
    site: new DataLoader<string, Site | undefined>(async (ids) =>
      principal ? Groups.getSites(db, principal.groupId, ids) : ids.map(() => undefined),
    ),
    patient: new DataLoader<string, Patient | undefined>(async (ids) =>
      principal ? getPatientProfiles(db, principal.groupId, ids) : ids.map(() => undefined),
    ),
    concern: new DataLoader(byRef(principal, (g, refs) => Consultations.getConcerns(db, g, refs))),
    consultation: new DataLoader(byRef(principal, (g, refs) => Consultations.getConsultations(db, g, refs))),
    plan: new DataLoader(byRef(principal, (g, refs) => TreatmentPlans.getPlans(db, g, refs))),
    concernsOfPatient: new DataLoader<string, Concern[]>(async (ids) =>
      principal
        ? Promise.all(ids.map((id) => Consultations.listConcerns(db, principal.groupId, id)))
        : ids.map(() => []),
    ),
    settings: new DataLoader<string, StoredSettings>(async (groupIds) =>
      Promise.all(groupIds.map((g) => GroupSettings.getSettings(db, g))),
    ),
    serum: new DataLoader<string, SerumRecord | undefined>(async (ids) =>
      principal ? SerumCatalogue.getSerums(db, principal.groupId, ids) : ids.map(() => undefined),
    ),
    session: new DataLoader(byRef(principal, (g, refs) => TreatmentSessions.getSessions(db, g, refs))),
    assessment: new DataLoader(byRef(principal, (g, refs) => Assessments.getAssessments(db, g, refs))),
  };
}

/** The principal, or UNAUTHENTICATED. Every resolver that touches data starts here. */
export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw ctx.authError ?? unauthenticated();
  return ctx.principal;
}
