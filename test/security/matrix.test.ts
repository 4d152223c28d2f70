import { randomUUID } from "node:crypto";
import { toGlobalId } from "@needlework/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import {
  ACTORS,
  actorsOf,
  Fixtures,
  NO_ANSWERS,
  PATIENT_IDS,
  patientId,
  patientInput,
  siteId,
  TARGETS,
  TODAY,
  type ActorKey,
  type Outcome,
  type Target,
} from "./fixtures";

/**
 * The authorization matrix: role x operation x target. Each row is one operation; each case runs it
 * as one actor (PRACTITIONER at Harbour, CLINIC_ADMIN, ANALYST, no token) on one target (own site,
 * another site of the group, another group, an id that does not exist) and asserts the outcome:
 * allowed calls work, every other one answers NOT_FOUND or FORBIDDEN (UNAUTHENTICATED without a
 * token) with no data, and NOT_FOUND for another site or group carries exactly the message of a
 * missing id.
 *
 * To add an operation (e.g. a clinical one), add a row: its access class decides the expectations.
 *   identified: PRACTITIONER own site only, CLINIC_ADMIN every site of the group, ANALYST FORBIDDEN.
 *   admin:      CLINIC_ADMIN only (others FORBIDDEN); other group and missing ids NOT_FOUND.
 *   signedIn:   every role; a practitioner is still scoped to their sites.
 *   deidentified: ANALYST and CLINIC_ADMIN (practitioners FORBIDDEN); never identified fields.
 */
type Access = "identified" | "admin" | "signedIn" | "deidentified";
type Vars = Record<string, unknown>;

interface Row {
  op: string;
  /** The root field whose value must be null when refused. */
  field: string;
  access: Access;
  /** "none" for operations without a target (lists of the group, me, creates without a site). */
  targets: readonly Target[] | "none";
  query: string;
  vars?: (t: Target, fx: Fixtures) => Vars | Promise<Vars>;
  /** Extra assertions on an allowed call's data. */
  check?: (data: Record<string, unknown>, t: Target | "none", fx: Fixtures) => void;
}

function expected(access: Access, actor: ActorKey, t: Target | "none"): Outcome {
  if (actor === "anonymous") return "UNAUTHENTICATED";
  if (access === "identified" && actor === "analyst") return "FORBIDDEN";
  if (access === "admin" && actor !== "admin") return "FORBIDDEN";
  if (access === "deidentified" && actor === "practitioner") return "FORBIDDEN";
  if (t === "none" || t === "own") return "OK";
  if (t === "otherSite") return actor === "practitioner" ? "NOT_FOUND" : "OK";
  return "NOT_FOUND";
}

type Edges = { edges: { node: Record<string, unknown> }[] };
const nodesOf = (data: Record<string, unknown>, field: string) =>
  (data[field] as Edges).edges.map((e) => e.node);

const unique = () => randomUUID().slice(0, 8);

export const ROWS: Row[] = [
  // ---- Patients
  {
    op: "patient(id)",
    field: "patient",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { patient(id: $id) { id givenName dateOfBirth allergies { substance } } }`,
    vars: (t) => ({ id: patientId(t) }),
    check: (d, t) => expect((d.patient as { id: string }).id).toBe(patientId(t as Target)),
  },
  {
    op: "patient(id) -> site (nested)",
    field: "patient",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { patient(id: $id) { site { id name } } }`,
    vars: (t) => ({ id: patientId(t) }),
    check: (d, t) => expect((d.patient as { site: { id: string } }).site.id).toBe(siteId(t as Target)),
  },
  {
    op: "node(id) as Patient -> site (nested)",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on Patient { familyName site { name } } } }`,
    vars: (t) => ({ id: patientId(t) }),
    check: (d, t) => expect((d.node as { id: string }).id).toBe(patientId(t as Target)),
  },
  {
    op: "patients(siteId) list",
    field: "patients",
    access: "identified",
    targets: TARGETS,
    query: `query($s: ID!) { patients(siteId: $s, first: 50) { edges { node { id site { id } } } } }`,
    vars: (t) => ({ s: siteId(t) }),
    check: (d, t) => {
      const nodes = nodesOf(d, "patients") as { site: { id: string } }[];
      expect(nodes.length).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.site.id))).toEqual(new Set([siteId(t as Target)]));
    },
  },
  {
    op: "patients(siteId, search)",
    field: "patients",
    access: "identified",
    targets: TARGETS,
    query: `query($s: ID!, $q: String) { patients(siteId: $s, search: $q) { edges { node { id familyName site { id } } } } }`,
    // Every seeded name is searched for at every site: only the asked site's matches come back.
    vars: (t) => ({ s: siteId(t), q: t === "otherGroup" ? "nil" : t === "otherSite" ? "ibr" : "ben" }),
    check: (d, t) => {
      const nodes = nodesOf(d, "patients") as { site: { id: string } }[];
      expect(nodes).toHaveLength(1);
      expect(nodes[0]!.site.id).toBe(siteId(t as Target));
    },
  },
  {
    op: "createPatient(siteId)",
    field: "createPatient",
    access: "identified",
    targets: TARGETS,
    query: `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id site { id } createdAt } } }`,
    vars: (t) => ({ input: patientInput(siteId(t), { familyName: `Matrix${unique()}` }) }),
    check: (d, t) =>
      expect((d.createPatient as { patient: { site: { id: string } } }).patient.site.id).toBe(
        siteId(t as Target),
      ),
  },
  {
    op: "updatePatient(id, version)",
    field: "updatePatient",
    access: "identified",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $v, input: $input) { patient { id version } } }`,
    vars: async (t, fx) => {
      const p = await fx.freshPatient(t);
      return { id: p.id, v: p.version, input: { ...p.input, givenName: "Updated" } };
    },
  },
  {
    op: "erasePatient(id, confirmName, reason)",
    field: "erasePatient",
    access: "admin",
    targets: TARGETS,
    query: `mutation($id: ID!, $n: String!, $r: String!) { erasePatient(id: $id, confirmName: $n, reason: $r) { erasure { patientId status } } }`,
    // A new patient per case: an erasure cannot be undone.
    vars: async (t, fx) => {
      const p = await fx.freshPatient(t);
      return { id: p.id, n: `${p.input.givenName} ${p.input.familyName}`, r: "Request received in writing" };
    },
    check: (d, t) => {
      const e = (d.erasePatient as { erasure: { patientId: string; status: string } }).erasure;
      expect(e.status).toBe("ERASED");
      expect(t).not.toBe("otherGroup");
    },
  },
  {
    op: "auditTrail(patientId)",
    field: "auditTrail",
    access: "admin",
    targets: TARGETS,
    query: `query($p: ID!) { auditTrail(patientId: $p, first: 100) { edges { node { patientId action outcome } } } }`,
    vars: (t) => ({ p: patientId(t) }),
    check: (d, t) => {
      for (const n of nodesOf(d, "auditTrail")) expect(n.patientId).toBe(patientId(t as Target));
    },
  },

  // ---- Sites and users
  {
    op: "me -> sites",
    field: "me",
    access: "signedIn",
    targets: "none",
    query: `{ me { email role sites { id } } }`,
    check: (d) => expect(JSON.stringify(d)).not.toContain(siteId("otherGroup")),
  },
  {
    op: "node(id) as Site",
    field: "node",
    access: "signedIn",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on Site { name } } }`,
    vars: (t) => ({ id: siteId(t) }),
  },
  {
    op: "sites list",
    field: "sites",
    access: "admin",
    targets: "none",
    query: `{ sites(first: 100) { edges { node { id name archived version } } } }`,
    check: (d) => {
      const ids = nodesOf(d, "sites").map((n) => n.id);
      expect(ids).toEqual(expect.arrayContaining([siteId("own"), siteId("otherSite")]));
      expect(ids).not.toContain(siteId("otherGroup"));
    },
  },
  {
    op: "users list -> sites",
    field: "users",
    access: "admin",
    targets: "none",
    query: `{ users(first: 100) { edges { node { id email role sites { id } } } } }`,
    check: (d, _t, fx) => {
      const nodes = nodesOf(d, "users");
      expect(nodes.map((n) => n.id)).toContain(fx.userId("own"));
      expect(nodes.map((n) => n.id)).not.toContain(fx.userId("otherGroup"));
      expect(JSON.stringify(nodes)).not.toMatch(/northside|central/);
    },
  },
  {
    op: "node(id) as User -> sites",
    field: "node",
    access: "admin",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on User { email sites { name } } } }`,
    vars: (t, fx) => ({ id: fx.userId(t) }),
  },
  {
    op: "createSite",
    field: "createSite",
    access: "admin",
    targets: "none",
    query: `mutation($n: String!) { createSite(input: { name: $n }) { site { id name version } } }`,
    vars: () => ({ n: `Matrix site ${unique()}` }),
  },
  {
    op: "updateSite(id, version)",
    field: "updateSite",
    access: "admin",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!, $n: String) { updateSite(id: $id, version: $v, input: { name: $n }) { site { id name version } } }`,
    vars: async (t, fx) => ({
      id: siteId(t),
      v: await fx.version("site", t),
      n: {
        own: "Harbour Street",
        otherSite: "Riverside",
        otherGroup: "Northside Central",
        missing: "Nowhere",
      }[t],
    }),
  },
  {
    op: "inviteUser(siteIds)",
    field: "inviteUser",
    access: "admin",
    targets: TARGETS,
    query: `mutation($input: UserInput!) { inviteUser(input: $input) { user { id email sites { id } } } }`,
    vars: (t) => ({
      input: {
        email: `invite-${unique()}@clinic.example`,
        name: "Invited",
        role: "PRACTITIONER",
        siteIds: [siteId(t)],
      },
    }),
  },
  {
    op: "updateUser(id, version)",
    field: "updateUser",
    access: "admin",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { name: "Renamed" }) { user { id name version } } }`,
    vars: async (t, fx) => {
      const u = await fx.freshUser(t);
      return { id: u.id, v: u.version };
    },
  },
  {
    op: "deactivateUser(id, version)",
    field: "deactivateUser",
    access: "admin",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { deactivateUser(id: $id, version: $v) { user { id active } } }`,
    vars: async (t, fx) => {
      const u = await fx.freshUser(t);
      return { id: u.id, v: u.version };
    },
    check: (d) => expect((d.deactivateUser as { user: { active: boolean } }).user.active).toBe(false),
  },
  {
    op: "reactivateUser(id, version)",
    field: "reactivateUser",
    access: "admin",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { reactivateUser(id: $id, version: $v) { user { id active } } }`,
    vars: async (t, fx) => {
      const u = await fx.freshUser(t, { inactive: true });
      return { id: u.id, v: u.version };
    },
    check: (d) => expect((d.reactivateUser as { user: { active: boolean } }).user.active).toBe(true),
  },
  {
    op: "auditByUser(userId)",
    field: "auditByUser",
    access: "admin",
    targets: TARGETS,
    query: `query($u: ID!) { auditByUser(userId: $u, first: 100) { edges { node { userId action outcome } } } }`,
    vars: (t, fx) => ({ u: fx.userId(t) }),
    check: (d, t, fx) => {
      for (const n of nodesOf(d, "auditByUser")) expect(n.userId).toBe(fx.userId(t as Target));
    },
  },

  // ---- Clinic settings and protocol templates
  {
    op: "clinicSettings",
    field: "clinicSettings",
    access: "signedIn",
    targets: "none",
    query: `{ clinicSettings { toxinDays version } }`,
  },
  {
    op: "updateClinicSettings(version)",
    field: "updateClinicSettings",
    access: "admin",
    targets: "none",
    query: `mutation($v: Int!, $input: ClinicSettingsInput!) { updateClinicSettings(version: $v, input: $input) { settings { version } } }`,
    vars: async (_t, fx) => {
      const r = await fx.api.gql<{ clinicSettings: { toxinDays: number; version: number } }>(
        `{ clinicSettings { toxinDays version } }`,
        {},
        fx.api.users.mia,
      );
      return { v: r.data!.clinicSettings.version, input: { toxinDays: r.data!.clinicSettings.toxinDays } };
    },
  },
  {
    op: "protocols",
    field: "protocols",
    access: "signedIn",
    targets: "none",
    query: `{ protocols { indication version } }`,
  },
  {
    op: "updateProtocol(indication, version)",
    field: "updateProtocol",
    access: "admin",
    targets: "none",
    query: `mutation($v: Int!, $input: ProtocolTemplateInput!) { updateProtocol(indication: WRINKLES, version: $v, input: $input) { protocol { version } } }`,
    vars: async (_t, fx) => {
      const r = await fx.api.gql<{
        protocols: (Record<string, unknown> & { indication: string; version: number })[];
      }>(
        `{ protocols { indication version name depthMinMm depthMaxMm zoneDepths { zone minMm maxMm } sessionsMin sessionsMax sessionsDefault intervalWeeksMin intervalWeeksMax intervalWeeksDefault suggestedSerums device defaultZones notes } }`,
        {},
        fx.api.users.mia,
      );
      const {
        indication: _i,
        version,
        ...input
      } = r.data!.protocols.find((x) => x.indication === "WRINKLES")!;
      return { v: version, input };
    },
  },

  // ---- Consultations (screen, record, override) and their nested records
  {
    op: "screenPatient(patientId)",
    field: "screenPatient",
    access: "identified",
    targets: TARGETS,
    query: `query($p: ID!, $a: ScreeningAnswersInput!, $d: Date!) { screenPatient(patientId: $p, answers: $a, onDate: $d) { cleared findings { code } } }`,
    vars: (t) => ({ p: patientId(t), a: NO_ANSWERS, d: TODAY }),
  },
  {
    op: "recordConsultation(patientId)",
    field: "recordConsultation",
    access: "identified",
    targets: TARGETS,
    query: `mutation($p: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $p, input: $input) { consultation { id patient { id } site { id } } } }`,
    vars: (t) => ({
      p: patientId(t),
      input: {
        date: TODAY,
        siteId: siteId(t === "missing" ? "own" : t),
        concerns: [
          {
            indication: "WRINKLES",
            bodyArea: "FOREHEAD",
            zones: ["FOREHEAD"],
            baselineScale: "LEMPERLE",
            baselineScore: 3,
          },
        ],
        answers: NO_ANSWERS,
      },
    }),
    check: (d, t) =>
      expect(
        (d.recordConsultation as { consultation: { patient: { id: string } } }).consultation.patient.id,
      ).toBe(patientId(t as Target)),
  },
  {
    op: "overrideContraindication(consultationId, version)",
    field: "overrideContraindication",
    access: "identified",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { overrideContraindication(consultationId: $id, version: $v, code: "SUNBURN", reason: "Healed; checked today") { consultation { id version overrides { code } } } }`,
    vars: async (t, fx) => {
      const c = await fx.consultation(t, { fresh: true });
      return { id: c.id, v: c.version };
    },
  },
  {
    op: "node(id) as Consultation -> patient, concerns",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on Consultation { patient { id allergies { substance } } site { id } concerns { id indication } } } }`,
    vars: async (t, fx) => ({ id: (await fx.consultation(t)).id }),
    check: (d, t) => expect((d.node as { patient: { id: string } }).patient.id).toBe(patientId(t as Target)),
  },
  {
    op: "node(id) as Concern -> consultation, patient",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on Concern { indication patient { id } consultation { id } } } }`,
    vars: async (t, fx) => ({ id: (await fx.consultation(t)).concernIds[0] }),
  },
  {
    op: "patient(id) -> concerns (nested)",
    field: "patient",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { patient(id: $id) { id concerns { id indication patient { id } } } }`,
    vars: async (t, fx) => {
      if (t !== "missing") await fx.consultation(t);
      return { id: patientId(t) };
    },
    check: (d) => expect((d.patient as { concerns: unknown[] }).concerns.length).toBeGreaterThan(0),
  },

  // ---- Treatment plans
  {
    op: "suggestPlan(patientId, concernIds)",
    field: "suggestPlan",
    access: "identified",
    targets: TARGETS,
    query: `query($p: ID!, $c: [ID!]!) { suggestPlan(patientId: $p, concernIds: $c) { sessions intervalWeeks } }`,
    vars: async (t, fx) =>
      t === "missing"
        ? { p: patientId(t), c: [toGlobalId("Concern", `${PATIENT_IDS.missing}|${TODAY}|0000nothere`)] }
        : { p: patientId(t), c: (await fx.consultation(t)).concernIds },
  },
  {
    op: "createTreatmentPlan(consultationId)",
    field: "createTreatmentPlan",
    access: "identified",
    targets: TARGETS,
    query: `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id patient { id } } } }`,
    vars: async (t, fx) => ({
      input: fx.planInput(t === "missing" ? "own" : t, await fx.consultation(t, { fresh: true })),
    }),
  },
  {
    op: "updateTreatmentPlan(id, version)",
    field: "updateTreatmentPlan",
    access: "identified",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { updateTreatmentPlan(id: $id, version: $v, input: { notes: "Matrix" }) { plan { id version } } }`,
    vars: async (t, fx) => {
      const plan = await fx.plan(t, { fresh: true });
      return { id: plan.id, v: plan.version };
    },
  },
  {
    op: "node(id) as TreatmentPlan -> patient, consultation",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on TreatmentPlan { patient { id } consultation { id } site { id } } } }`,
    vars: async (t, fx) => ({ id: (await fx.plan(t)).id }),
    check: (d, t) => expect((d.node as { patient: { id: string } }).patient.id).toBe(patientId(t as Target)),
  },
  {
    op: "plansDue(siteId) list",
    field: "plansDue",
    access: "identified",
    targets: TARGETS,
    query: `query($s: ID!, $from: Date!, $to: Date!) { plansDue(siteId: $s, from: $from, to: $to, first: 50) { edges { node { id site { id } patient { id } } } } }`,
    vars: async (t, fx) => {
      if (t !== "missing") await fx.plan(t);
      return { s: siteId(t), from: "2000-01-01", to: "2100-01-01" };
    },
    check: (d, t) => {
      const nodes = nodesOf(d, "plansDue") as { site: { id: string } }[];
      expect(nodes.length).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.site.id))).toEqual(new Set([siteId(t as Target)]));
    },
  },

  // ---- Serum catalogue, sessions, lot traces, assessments, the timeline
  {
    op: "serums",
    field: "serums",
    access: "signedIn",
    targets: "none",
    query: `{ serums(first: 50) { edges { node { id name lots { lotNumber } } } } }`,
  },
  {
    op: "createSerum",
    field: "createSerum",
    access: "admin",
    targets: "none",
    query: `mutation($input: SerumInput!) { createSerum(input: $input) { serum { id } } }`,
    vars: () => ({
      input: { name: `Matrix serum ${unique()}`, ingredients: ["water"], clearance: "TOPICAL_AFTER_HEALING" },
    }),
  },
  {
    op: "checkSerum(patientId)",
    field: "checkSerum",
    access: "identified",
    targets: TARGETS,
    query: `query($p: ID!, $s: ID!) { checkSerum(patientId: $p, serumId: $s, lotNumber: "HYAL-2511", onDate: "${TODAY}", duringNeedling: true) { blocked findings { code } } }`,
    vars: (t) => ({ p: patientId(t), s: toGlobalId("SerumAddOn", "srm-hyaluronic-acid") }),
  },
  {
    op: "recordTreatmentSession(patientId, planId)",
    field: "recordTreatmentSession",
    access: "identified",
    targets: TARGETS,
    query: `mutation($p: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $p, input: $input) { session { id patient { id } } plan { id } } }`,
    vars: async (t, fx) => {
      // A missing patient with a plan id of that patient (a plan of another patient is bad input).
      if (t === "missing")
        return {
          p: patientId(t),
          input: fx.sessionInput(
            "own",
            toGlobalId("TreatmentPlan", `${PATIENT_IDS.missing}|${TODAY}|0000nothere`),
          ),
        };
      const plan = await fx.plan(t, { fresh: true });
      return { p: patientId(t), input: fx.sessionInput(t, plan.id) };
    },
  },
  {
    op: "recordAdverseEvent(sessionId, version)",
    field: "recordAdverseEvent",
    access: "identified",
    targets: TARGETS,
    query: `mutation($id: ID!, $v: Int!) { recordAdverseEvent(sessionId: $id, version: $v, event: { type: ERYTHEMA_OEDEMA, onsetOn: "${TODAY}", durationDays: 2, severity: MILD }) { session { id version } } }`,
    vars: async (t, fx) => {
      const session = await fx.session(t, { fresh: true });
      return { id: session.id, v: session.version };
    },
  },
  {
    op: "node(id) as TreatmentSession -> patient, plan, serum",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on TreatmentSession { patient { id } plan { id } serumsApplied { lotNumber serum { name } } } } }`,
    vars: async (t, fx) => ({ id: (await fx.session(t)).id }),
    check: (d, t) => expect((d.node as { patient: { id: string } }).patient.id).toBe(patientId(t as Target)),
  },
  {
    op: "recentSessions(siteId) list",
    field: "recentSessions",
    access: "identified",
    targets: TARGETS,
    query: `query($s: ID!) { recentSessions(siteId: $s, first: 50) { edges { node { id patient { id } site { id } } } } }`,
    vars: async (t, fx) => {
      if (t !== "missing") await fx.session(t);
      return { s: siteId(t) };
    },
    check: (d, t) => {
      const nodes = nodesOf(d, "recentSessions") as { site: { id: string } }[];
      expect(nodes.length).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.site.id))).toEqual(new Set([siteId(t as Target)]));
    },
  },
  {
    op: "sessionsByLot(serumId, lotNumber) -> session",
    field: "sessionsByLot",
    access: "identified",
    targets: "none",
    query: `query($s: ID!) { sessionsByLot(serumId: $s, lotNumber: "HYAL-2511", first: 100) { edges { zone node { id site { id } patient { id } } } } }`,
    vars: async (_t, fx) => {
      await Promise.all([fx.session("own"), fx.session("otherSite"), fx.session("otherGroup")]);
      return { s: toGlobalId("SerumAddOn", "srm-hyaluronic-acid") };
    },
    check: (d, _t, fx) => {
      // Only the caller's sites (every site of the group for an admin), never another group's.
      const sites = new Set(
        (nodesOf(d, "sessionsByLot") as { site: { id: string } }[]).map((n) => n.site.id),
      );
      expect(sites.has(siteId("own"))).toBe(true);
      expect(sites.has(siteId("otherGroup"))).toBe(false);
      expect(sites.has(siteId("otherSite"))).toBe(fx.lastActor === "admin");
    },
  },
  {
    op: "recordAssessment(patientId, concernId)",
    field: "recordAssessment",
    access: "identified",
    targets: TARGETS,
    query: `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id patient { id } } } }`,
    vars: async (t, fx) =>
      t === "missing"
        ? {
            p: patientId(t),
            input: fx.assessmentInput(toGlobalId("Concern", `${PATIENT_IDS.missing}|${TODAY}|0000nothere`)),
          }
        : { p: patientId(t), input: fx.assessmentInput((await fx.consultation(t)).concernIds[0]!) },
  },
  {
    op: "outcomeTrend(patientId, concernId)",
    field: "outcomeTrend",
    access: "identified",
    targets: TARGETS,
    query: `query($p: ID!, $c: ID!) { outcomeTrend(patientId: $p, concernId: $c) { scale points { score } } }`,
    vars: async (t, fx) => {
      if (t === "missing")
        return { p: patientId(t), c: toGlobalId("Concern", `${PATIENT_IDS.missing}|${TODAY}|0000nothere`) };
      await fx.assessment(t);
      return { p: patientId(t), c: (await fx.consultation(t)).concernIds[0] };
    },
  },
  {
    op: "node(id) as Assessment -> patient",
    field: "node",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { node(id: $id) { id ... on Assessment { score patient { id } } } }`,
    vars: async (t, fx) => ({ id: (await fx.assessment(t)).id }),
  },
  {
    op: "patient(id) -> timeline, activeFlags (nested)",
    field: "patient",
    access: "identified",
    targets: TARGETS,
    query: `query($id: ID!) { patient(id: $id) { id activeFlags { code } timeline(first: 50) { edges { date node { __typename ... on TreatmentSession { id patient { id } } } } } } }`,
    vars: async (t, fx) => {
      if (t !== "missing") await fx.session(t);
      return { id: patientId(t) };
    },
    check: (d) =>
      expect((d.patient as { timeline: { edges: unknown[] } }).timeline.edges.length).toBeGreaterThan(0),
  },

  // ---- Analytics (de-identified) and the FHIR export (identified)
  {
    op: "outcomeRecords list",
    field: "outcomeRecords",
    access: "deidentified",
    targets: "none",
    query: `{ outcomeRecords(first: 100) { edges { node { id patientKey ageBand site { id } } } } }`,
    vars: async (_t, fx) => {
      await Promise.all([fx.assessment("own"), fx.assessment("otherGroup")]);
      return {};
    },
    check: (d) => {
      const text = JSON.stringify(d);
      expect(text).not.toContain(siteId("otherGroup"));
      // No name, birth date, contact or patient id of anyone seeded.
      expect(text).not.toMatch(
        /Isla|Graham|Keira|Ibrahim|Pia|Nilsson|\d{4}-\d{2}-\d{2}|demo-glow|demo-northside/,
      );
    },
  },
  {
    op: "outcomeSummary(groupBy: SITE)",
    field: "outcomeSummary",
    access: "deidentified",
    targets: "none",
    query: `{ outcomeSummary(groupBy: SITE) { rows { key label } } }`,
    check: (d) => {
      expect(JSON.stringify(d)).not.toContain(siteId("otherGroup"));
      expect(JSON.stringify(d)).not.toMatch(/Northside/);
    },
  },
  {
    op: "kpis",
    field: "kpis",
    access: "deidentified",
    targets: "none",
    query: `{ kpis { asOf } }`,
  },
  {
    op: "patientFhirBundle(patientId)",
    field: "patientFhirBundle",
    access: "identified",
    targets: TARGETS,
    query: `query($p: ID!) { patientFhirBundle(patientId: $p) }`,
    vars: (t) => ({ p: patientId(t) }),
    check: (d) => expect(String(d.patientFhirBundle)).toContain('"resourceType":"Bundle"'),
  },
];

interface Case {
  row: Row;
  actor: ActorKey;
  target: Target | "none";
  outcome: Outcome;
}

const CASES: Case[] = ROWS.flatMap((row) =>
  ACTORS.flatMap((actor) =>
    (row.targets === "none" ? (["none"] as const) : row.targets).map((target) => ({
      row,
      actor,
      target,
      outcome: expected(row.access, actor, target),
    })),
  ),
);

describe(`authorization matrix: ${ROWS.length} operations x ${ACTORS.length} actors x targets = ${CASES.length} cases`, () => {
  let api: TestApi;
  let fx: Fixtures;
  /** NOT_FOUND messages by operation and actor, to compare other-site/group with a missing id. */
  const notFound = new Map<string, Map<Target | "none", string>>();

  beforeAll(async () => {
    api = await startTestApi();
    fx = new Fixtures(api);
    await fx.seed();
  });
  afterAll(async () => api?.stop());

  it.each(CASES.map((c) => [`${c.row.op} as ${c.actor} on ${c.target} -> ${c.outcome}`, c] as const))(
    "%s",
    async (_name, c) => {
      const vars =
        c.target === "none"
          ? ((await c.row.vars?.("own", fx)) ?? {})
          : ((await c.row.vars?.(c.target, fx)) ?? {});
      const as = actorsOf(api)[c.actor];
      fx.lastActor = c.actor;
      const r: GqlResult = await api.gql(c.row.query, vars, as);
      if (c.outcome === "OK") {
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        expect(r.data?.[c.row.field]).toBeTruthy();
        c.row.check?.(r.data!, c.target, fx);
        return;
      }
      expect(codes(r), JSON.stringify(r.errors)).toEqual([c.outcome]);
      expect(r.data?.[c.row.field] ?? null).toBeNull();
      if (c.outcome === "NOT_FOUND") {
        const key = `${c.row.op}/${c.actor}`;
        if (!notFound.has(key)) notFound.set(key, new Map());
        notFound.get(key)!.set(c.target, r.errors![0]!.message);
      }
    },
  );

  it("answers another site and another group exactly like an id that does not exist", () => {
    let compared = 0;
    for (const [key, byTarget] of notFound) {
      const missing = byTarget.get("missing");
      expect(missing, `${key}: a missing id should be NOT_FOUND`).toBeDefined();
      for (const [t, message] of byTarget) {
        expect(message, `${key} on ${t}`).toBe(missing);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
