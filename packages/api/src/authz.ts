import { defaultFieldResolver, type GraphQLFieldResolver } from "graphql";
import {
  forbidden,
  notFound,
  ROLES,
  tokenPredatesAccess,
  unauthenticated,
  type Principal,
  type Role,
} from "@needlework/core";
import { Audit, gateWrites, Groups } from "@needlework/store";
import { requirePrincipal, type Context } from "./context";
import { parseGlobalId } from "./ids";

/**
 * Authorization, deny by default.
 *
 * 1. Every Query and Mutation field needs a policy in ROOT_POLICIES: a field without one is refused
 *    for everyone (FORBIDDEN) and test/security/policies.test.ts names it. `withAuthz` wraps every root
 *    field of the SDL, with or without a resolver, so nothing is reachable by forgetting a check.
 * 2. Before any root field, the caller's User record is read (one GetItem per request): a deactivated
 *    user, or a token whose role or sites the record no longer grants, is UNAUTHENTICATED at once,
 *    not when the token expires.
 * 3. The role: a policy lists the roles allowed. A refused role on patient data is FORBIDDEN and
 *    audited (DENIED). FORBIDDEN depends on the role only, never on the id asked for, so it reveals
 *    nothing about what exists.
 * 4. The site and the group: in the store. Keys start with the principal's group, so another group's
 *    id simply does not exist; a record of a site the practitioner does not work at is NOT_FOUND with
 *    the same message as a missing id (core `canSeeSite`).
 * 4b. Refusals of patient data are audited: by the store where it knows the site, otherwise by the
 *    root wrapper here, once (store/audit.ts marks what it recorded).
 * 5. Nested fields: a resolver on a type listed in TYPE_POLICIES checks the role again, so a Patient
 *    reached through any path (node, a session's patient, a list) is never resolved for an analyst.
 */
export interface Policy {
  readonly roles: readonly Role[];
  /** Set for patient data: the audit action recorded when the role is refused. */
  readonly patientData?: string;
}

/** Any signed-in user; what they see is scoped by the resolver (me, node). */
export const SIGNED_IN: Policy = { roles: ROLES };
/** Clinic admins only: administration, audit trail. */
export const ADMIN: Policy = { roles: ["CLINIC_ADMIN"] };
/** De-identified outcome data: analysts and clinic admins. */
export const DEIDENTIFIED: Policy = { roles: ["ANALYST", "CLINIC_ADMIN"] };
/** Identified patient data: practitioners (their sites) and clinic admins (all sites of the group). */
export const identified = (action: string): Policy => ({
  roles: ["PRACTITIONER", "CLINIC_ADMIN"],
  patientData: action,
});
/** Nobody. */
export const DENY: Policy = { roles: [] };

const IDENTIFIED_ROLES: readonly Role[] = ["PRACTITIONER", "CLINIC_ADMIN"];

/**
 * The policy of every root field. Adding a Query or Mutation field means adding its line here; the
 * store still scopes by site and group.
 */
export const ROOT_POLICIES: Readonly<Record<string, Policy>> = {
  "Query.me": SIGNED_IN,
  "Query.node": SIGNED_IN,
  "Mutation._noop": DENY,

  // Patients
  "Query.patient": identified("READ_PATIENT"),
  "Query.patients": identified("LIST_PATIENTS"),
  "Mutation.createPatient": identified("CREATE_PATIENT"),
  "Mutation.updatePatient": identified("UPDATE_PATIENT"),
  // Erasure: clinic admins only; a refused role is audited against the patient named.
  "Mutation.erasePatient": { roles: ["CLINIC_ADMIN"], patientData: "ERASE_PATIENT" },

  // Administration
  "Query.sites": ADMIN,
  "Query.users": ADMIN,
  "Mutation.createSite": ADMIN,
  "Mutation.updateSite": ADMIN,
  "Mutation.inviteUser": ADMIN,
  "Mutation.updateUser": ADMIN,
  "Mutation.deactivateUser": ADMIN,
  "Mutation.reactivateUser": ADMIN,

  // Audit trail
  "Query.auditTrail": ADMIN,
  "Query.auditByUser": ADMIN,

  // Clinic settings and protocol templates: everyone of the group reads them, admins change them.
  "Query.clinicSettings": SIGNED_IN,
  "Mutation.updateClinicSettings": ADMIN,
  "Query.protocols": SIGNED_IN,
  "Mutation.updateProtocol": ADMIN,

  // Consultations and plans (identified; the store scopes by site).
  "Query.screeningQuestions": identified("READ_SCREENING_QUESTIONS"),
  "Query.screenPatient": identified("SCREEN_PATIENT"),
  "Mutation.recordConsultation": identified("RECORD_CONSULTATION"),
  "Mutation.overrideContraindication": identified("OVERRIDE_CONTRAINDICATION"),
  "Query.suggestPlan": identified("SUGGEST_PLAN"),
  "Query.plansDue": identified("LIST_PLANS_DUE"),
  "Mutation.createTreatmentPlan": identified("CREATE_TREATMENT_PLAN"),
  "Mutation.updateTreatmentPlan": identified("UPDATE_TREATMENT_PLAN"),

  // Serum catalogue: everyone of the group reads it, clinic admins change it (lots included).
  "Query.serums": SIGNED_IN,
  "Mutation.createSerum": ADMIN,
  "Mutation.updateSerum": ADMIN,
  "Mutation.addSerumLot": ADMIN,
  // Sessions, lot traces and assessments (identified; the store scopes by site).
  "Query.checkSerum": identified("CHECK_SERUM"),
  "Query.sessionsByLot": identified("TRACE_SERUM_LOT"),
  "Query.recentSessions": identified("LIST_SESSIONS"),
  "Mutation.recordTreatmentSession": identified("RECORD_TREATMENT_SESSION"),
  "Mutation.recordAdverseEvent": identified("RECORD_ADVERSE_EVENT"),
  "Query.outcomeTrend": identified("READ_OUTCOME_TREND"),
  "Mutation.recordAssessment": identified("RECORD_ASSESSMENT"),

  // Analytics: de-identified rows, summaries, KPIs, CSV; the FHIR export is identified data.
  "Query.outcomeRecords": DEIDENTIFIED,
  "Query.outcomeSummary": DEIDENTIFIED,
  "Query.concernDepthMatrix": DEIDENTIFIED,
  "Query.kpis": DEIDENTIFIED,
  "Query.outcomeExport": DEIDENTIFIED,
  "Query.patientFhirBundle": identified("EXPORT_FHIR"),
};

/** Roles allowed to resolve any field of these types, however they were reached. */
export const TYPE_POLICIES: Readonly<Record<string, readonly Role[]>> = {
  Patient: IDENTIFIED_ROLES,
  Concern: IDENTIFIED_ROLES,
  Consultation: IDENTIFIED_ROLES,
  ScreenResult: IDENTIFIED_ROLES,
  TreatmentPlan: IDENTIFIED_ROLES,
  SuggestedPlan: IDENTIFIED_ROLES,
  TreatmentSession: IDENTIFIED_ROLES,
  Assessment: IDENTIFIED_ROLES,
  SerumLotTraceEdge: IDENTIFIED_ROLES,
  SerumCheck: IDENTIFIED_ROLES,
  OutcomeTrend: IDENTIFIED_ROLES,
  TimelineEdge: IDENTIFIED_ROLES,
  User: ["CLINIC_ADMIN"],
  AuditEntry: ["CLINIC_ADMIN"],
};

// ---- Guards resolvers call for checks that depend on what they load.

/** The principal if its role is one of `roles`; FORBIDDEN otherwise (UNAUTHENTICATED without one). */
export function requireRole(ctx: Context, ...roles: Role[]): Principal {
  const p = requirePrincipal(ctx);
  if (!roles.includes(p.role)) throw forbidden();
  return p;
}

export const requireAdmin = (ctx: Context): Principal => requireRole(ctx, "CLINIC_ADMIN");

/**
 * Identified patient data: practitioners and clinic admins. An analyst is refused with FORBIDDEN and
 * the refusal is audited, with the patient when the caller named one.
 */
export async function requireIdentifiedAccess(
  ctx: Context,
  audit: { action: string; patientId?: string | undefined; siteId?: string | undefined },
): Promise<Principal> {
  const p = requirePrincipal(ctx);
  if (!IDENTIFIED_ROLES.includes(p.role)) {
    return Audit.auditRefusal(ctx.db, p, audit, forbidden("Your role sees de-identified data only."));
  }
  return p;
}

/** A site the principal works at (any site for a clinic admin); NOT_FOUND like a missing one. */
export function requireSite(p: Principal, siteId: string): void {
  if (p.role === "CLINIC_ADMIN") return;
  if (p.role !== "PRACTITIONER" || !p.siteIds.includes(siteId)) throw notFound("The site");
}

// ---- The per-request user check.

const activeChecks = new WeakMap<Context, Promise<Principal>>();

/**
 * The signed-in user as the table has them now. The token's role must still be the user's, its sites
 * still theirs, and it must not have been issued before the user's last access change (deactivation,
 * reactivation, role or sites: core `tokenPredatesAccess`); otherwise it is refused.
 */
export function requireActiveUser(ctx: Context): Promise<Principal> {
  let check = activeChecks.get(ctx);
  if (!check) {
    const p = requirePrincipal(ctx);
    check = Groups.getUser(ctx.db, p.groupId, p.userId).then((u) => {
      if (!u || !u.active) throw unauthenticated("Your account is not active. Ask your clinic admin.");
      const sitesStillGranted = p.role !== "PRACTITIONER" || p.siteIds.every((s) => u.siteIds.includes(s));
      if (
        u.role !== p.role ||
        !sitesStillGranted ||
        tokenPredatesAccess(ctx.tokenIssuedAt, u.tokensValidFrom)
      ) {
        throw unauthenticated("Your access has changed since you signed in. Sign in again.");
      }
      return p;
    });
    activeChecks.set(ctx, check);
  }
  return check;
}

// ---- Wiring.

/** The patient a root field is about, from its arguments, so a refused access is audited against it. */
export function patientIdFromArgs(args: Record<string, unknown>): string | undefined {
  const input = args.input && typeof args.input === "object" ? (args.input as Record<string, unknown>) : {};
  for (const v of [args.patientId, input.patientId, args.id]) {
    if (typeof v !== "string") continue;
    const parsed = parseGlobalId(v);
    if (!parsed) continue;
    // Records inside a patient's collection carry "<patientId>|<date>|<id>".
    if (parsed.type === "Patient" || parsed.localId.includes("|")) return parsed.localId.split("|")[0];
  }
  return undefined;
}

type Resolver = GraphQLFieldResolver<unknown, Context, Record<string, unknown>>;
type ResolverMap = Record<string, Record<string, unknown>>;

const warned = new Set<string>();

/**
 * The root field's policy, checked before its resolver runs. The signed-in user's check (active, same
 * role and sites) is started here and its promise returned: reads may go out beside it (they share
 * the request's BatchGetItem), every write waits for it (`gateWrites`), and no answer leaves before it
 * passed. Where writes cannot be held back (no request scope), it is awaited here instead.
 */
export async function authorizeRoot(
  field: string,
  ctx: Context,
  args: Record<string, unknown>,
): Promise<{ principal: Principal; active: Promise<Principal> }> {
  const policy = ROOT_POLICIES[field];
  const p = requirePrincipal(ctx);
  const active = requireActiveUser(ctx);
  if (!gateWrites(active)) await active;
  if (!policy) {
    await active;
    if (!warned.has(field)) {
      warned.add(field);
      console.error(
        JSON.stringify({
          level: "error",
          msg: "no access policy declared: refused",
          field,
          fix: "add it to ROOT_POLICIES in packages/api/src/authz.ts",
        }),
      );
    }
    throw forbidden();
  }
  if (!policy.roles.includes(p.role)) {
    await active;
    if (policy.patientData) {
      await Audit.appendAudit(ctx.db, p, {
        action: policy.patientData,
        patientId: patientIdFromArgs(args),
        outcome: "DENIED",
      });
    }
    throw forbidden(policy.patientData ? "Your role sees de-identified data only." : undefined);
  }
  return { principal: p, active };
}

/**
 * Wraps a resolver map: every root field of the SDL gets its policy checked first (no policy: refused);
 * every resolver of a type in TYPE_POLICIES checks the role; every other nested resolver at least
 * needs a principal.
 */
export function withAuthz(
  map: ResolverMap,
  rootFields: { readonly Query: readonly string[]; readonly Mutation: readonly string[] },
): ResolverMap {
  const out: ResolverMap = {};
  for (const [type, fields] of Object.entries(map)) {
    const roles = TYPE_POLICIES[type] ?? ROLES;
    const wrapped: Record<string, unknown> = {};
    for (const [name, fn] of Object.entries(fields)) {
      if (typeof fn !== "function" || name.startsWith("__") || type === "Query" || type === "Mutation") {
        wrapped[name] = fn;
        continue;
      }
      const resolve = fn as Resolver;
      wrapped[name] = ((parent, args, ctx, info) => {
        const p = requirePrincipal(ctx);
        if (!roles.includes(p.role)) throw forbidden();
        return resolve(parent, args, ctx, info);
      }) satisfies Resolver;
    }
    out[type] = wrapped;
  }
  for (const [type, names] of Object.entries(rootFields)) {
    const fields: Record<string, unknown> = { ...(map[type] ?? {}) };
    for (const name of names) {
      const given = map[type]?.[name];
      const resolve = (typeof given === "function" ? given : defaultFieldResolver) as Resolver;
      const field = `${type}.${name}`;
      fields[name] = (async (parent, args, ctx, info) => {
        const { principal: p, active } = await authorizeRoot(field, ctx, args);
        const action = ROOT_POLICIES[field]?.patientData;
        let result: unknown;
        try {
          result = await resolve(parent, args, ctx, info);
        } catch (e) {
          // The user's check speaks first: an account no longer allowed in hears only that.
          await active;
          if (!action) throw e;
          // Safety net: a refused access to patient data is recorded even if the store path forgot
          // (once: refusals the store recorded are marked).
          return Audit.auditRefusal(ctx.db, p, { action, patientId: patientIdFromArgs(args) }, e);
        }
        await active;
        return result;
      }) satisfies Resolver;
    }
    if (names.length > 0) out[type] = fields;
  }
  return out;
}
