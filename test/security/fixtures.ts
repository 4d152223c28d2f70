import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { toGlobalId } from "@needlework/api";
import type { Principal } from "@needlework/core";
import { Groups, Keys, Patients } from "@needlework/store";
import type { TestApi } from "../support/api";

/**
 * The security suites' vocabulary. A matrix case is an actor (one per role, plus no token) acting on a
 * target: something of the actor's own site, of another site of the same group, of another group,
 * or an id that does not exist at all. The demo seed gives each of them:
 *   own = Harbour Street (glow), otherSite = Riverside (glow), otherGroup = Northside Central.
 */
export const TARGETS = ["own", "otherSite", "otherGroup", "missing"] as const;
export type Target = (typeof TARGETS)[number];
export const ACTORS = ["practitioner", "admin", "analyst", "anonymous"] as const;
export type ActorKey = (typeof ACTORS)[number];
export type Outcome = "OK" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED";

/** Who acts: ava (PRACTITIONER at harbour only), mia (CLINIC_ADMIN), leo (ANALYST), nobody. */
export function actorsOf(api: TestApi): Record<ActorKey, Principal | null> {
  return { practitioner: api.users.ava!, admin: api.users.mia!, analyst: api.users.leo!, anonymous: null };
}

const GROUP: Record<Target, string> = {
  own: "glow",
  otherSite: "glow",
  otherGroup: "northside",
  missing: "glow",
};

export const SITE_IDS: Record<Target, string> = {
  own: "harbour",
  otherSite: "riverside",
  otherGroup: "central",
  missing: "nowhere",
};
export const PATIENT_IDS: Record<Target, string> = {
  own: "demo-glow-p06", // Isla Graham: nothing that blocks a plan
  otherSite: "demo-glow-p08",
  otherGroup: "demo-northside-p01",
  missing: "0000000000nothere",
};
/** Users to read (never changed by the suites): ava works at harbour; `seed` creates the riverside one. */
const USER_IDS: Record<Target, string> = {
  own: "u-ava",
  otherSite: "(seeded)",
  otherGroup: "u-zoe",
  missing: "u-nobody",
};

export const siteId = (t: Target) => toGlobalId("Site", SITE_IDS[t]);
export const patientId = (t: Target) => toGlobalId("Patient", PATIENT_IDS[t]);

export const TODAY = new Date().toISOString().slice(0, 10);
export const NO_ANSWERS = {
  activeSkinInfection: false,
  activeAcneInArea: false,
  activeHerpesOutbreak: false,
  openWounds: false,
  pregnantOrBreastfeeding: false,
  eczemaPsoriasisRosaceaFlareInArea: false,
  sunburn: false,
};
export interface FixtureConsultation {
  id: string;
  version: number;
  concernIds: string[];
  patientId: string;
}
const RECORD_CONSULTATION = `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id version concerns { id } } } }`;
const RECORD_SESSION = `mutation($p: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $p, input: $input) { session { id version } } }`;
const RECORD_ASSESSMENT = `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`;
const CREATE_PLAN = `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id version } } }`;

export const patientInput = (site: string, over: Record<string, unknown> = {}) => ({
  siteId: site,
  givenName: "Matrix",
  familyName: "Case",
  dateOfBirth: "1990-01-01",
  ...over,
});

/** Table access the suites need around the API (versions to pass back, extra users). */
export class Fixtures {
  constructor(readonly api: TestApi) {}
  /** The actor of the case being run (rows' checks may depend on it). */
  lastActor: ActorKey = "practitioner";

  private admin(t: Target): Principal {
    return GROUP[t] === "glow" ? this.api.users.mia! : this.api.users.ian!;
  }

  /** The demo's users plus a practitioner who works at Riverside only. */
  async seed(): Promise<void> {
    const riverside = await Groups.inviteUser(this.api.db, this.api.users.mia!, {
      email: "rory.riverside@glow.example",
      name: "Rory Riverside",
      role: "PRACTITIONER",
      siteIds: ["riverside"],
    });
    this.userIds.otherSite = riverside.id;
  }

  readonly userIds: Record<Target, string> = { ...USER_IDS };
  userId(t: Target): string {
    return toGlobalId("User", this.userIds[t]);
  }

  async version(kind: "patient" | "site", t: Target): Promise<number> {
    if (t === "missing") return 1;
    const g = GROUP[t];
    const key = kind === "patient" ? Keys.patientProfile(g, PATIENT_IDS[t]) : Keys.site(g, SITE_IDS[t]);
    const got = await this.api.db.doc.send(
      new GetCommand({ TableName: this.api.db.tableName, Key: key, ConsistentRead: true }),
    );
    return Number(got.Item?.version ?? 1);
  }

  /** A new patient at the target's site, for changes; a missing id (at the own site) for `missing`. */
  async freshPatient(
    t: Target,
  ): Promise<{ id: string; version: number; input: ReturnType<typeof patientInput> }> {
    const familyName = `Fresh${randomUUID().slice(0, 8)}`;
    if (t === "missing")
      return { id: patientId("missing"), version: 1, input: patientInput(siteId("own"), { familyName }) };
    const p = await Patients.createPatient(
      this.api.db,
      this.admin(t),
      patientInput(SITE_IDS[t], { familyName }),
    );
    return {
      id: toGlobalId("Patient", p.id),
      version: p.version,
      input: patientInput(siteId(t), { familyName }),
    };
  }

  private async asAdminOf(
    t: Target,
    query: string,
    vars: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const r = await this.api.gql(query, vars, this.admin(t));
    if (r.errors?.length || !r.data) throw new Error(`fixture failed: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  private readonly cached = new Map<string, Promise<unknown>>();
  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cached.has(key)) this.cached.set(key, make());
    return this.cached.get(key) as Promise<T>;
  }

  /**
   * A consultation (wrinkles, forehead; sunburn answered yes, so it has a WARN to override) of the
   * target's patient, recorded by the group's admin. `fresh` records a new one; `missing` is an id
   * of the own patient that points nowhere.
   */
  consultation(t: Target, opts: { fresh?: boolean } = {}): Promise<FixtureConsultation> {
    if (t === "missing") {
      const ref = `${PATIENT_IDS.own}|${TODAY}|0000nothere`;
      return Promise.resolve({
        id: toGlobalId("Consultation", ref),
        version: 1,
        concernIds: [toGlobalId("Concern", ref)],
        patientId: patientId("own"),
      });
    }
    const make = async () => {
      const data = await this.asAdminOf(t, RECORD_CONSULTATION, {
        patientId: patientId(t),
        input: {
          date: TODAY,
          siteId: siteId(t),
          concerns: [
            {
              indication: "WRINKLES",
              bodyArea: "FOREHEAD",
              zones: ["FOREHEAD"],
              baselineScale: "LEMPERLE",
              baselineScore: 3,
            },
          ],
          answers: { ...NO_ANSWERS, sunburn: true },
        },
      });
      const c = (
        data.recordConsultation as {
          consultation: { id: string; version: number; concerns: { id: string }[] };
        }
      ).consultation;
      return {
        id: c.id,
        version: c.version,
        concernIds: c.concerns.map((x) => x.id),
        patientId: patientId(t),
      };
    };
    return opts.fresh ? make() : this.once(`consultation/${t}`, make);
  }

  /** A treatment plan from a fresh consultation of the target's patient, at the target's site. */
  plan(t: Target, opts: { fresh?: boolean } = {}): Promise<{ id: string; version: number }> {
    if (t === "missing") {
      return Promise.resolve({
        id: toGlobalId("TreatmentPlan", `${PATIENT_IDS.own}|${TODAY}|0000nothere`),
        version: 1,
      });
    }
    const make = async () => {
      const c = await this.consultation(t, { fresh: true });
      const data = await this.asAdminOf(t, CREATE_PLAN, { input: this.planInput(t, c) });
      return (data.createTreatmentPlan as { plan: { id: string; version: number } }).plan;
    };
    return opts.fresh ? make() : this.once(`plan/${t}`, make);
  }

  /**
   * A treatment session (pen, forehead, hyaluronic acid lot HYAL-2511) on a fresh plan of the target's
   * patient at the target's site, recorded by the group's admin.
   */
  session(t: Target, opts: { fresh?: boolean } = {}): Promise<{ id: string; version: number }> {
    if (t === "missing") {
      return Promise.resolve({
        id: toGlobalId("TreatmentSession", `${PATIENT_IDS.own}|${TODAY}|0000nothere`),
        version: 1,
      });
    }
    const make = async () => {
      const plan = await this.plan(t, { fresh: true });
      const data = await this.asAdminOf(t, RECORD_SESSION, {
        p: patientId(t),
        input: this.sessionInput(t, plan.id),
      });
      return (data.recordTreatmentSession as { session: { id: string; version: number } }).session;
    };
    return opts.fresh ? make() : this.once(`session/${t}`, make);
  }

  sessionInput(t: Target, planId: string) {
    return {
      planId,
      siteId: siteId(t),
      performedOn: TODAY,
      device: "PEN",
      cartridge: { needleCount: 12, lotNumber: "CART-7781" },
      zones: [{ zone: "FOREHEAD", depthMm: 0.5, passes: 2 }],
      serumsApplied: [
        {
          serumId: toGlobalId("SerumAddOn", "srm-hyaluronic-acid"),
          lotNumber: "HYAL-2511",
          zone: "FOREHEAD",
        },
      ],
      aftercareGiven: true,
      rescreen: NO_ANSWERS,
    };
  }

  /** An assessment of the target consultation's concern, recorded by the group's admin. */
  assessment(t: Target): Promise<{ id: string }> {
    if (t === "missing")
      return Promise.resolve({ id: toGlobalId("Assessment", `${PATIENT_IDS.own}|${TODAY}|0000nothere`) });
    return this.once(`assessment/${t}`, async () => {
      const c = await this.consultation(t);
      const data = await this.asAdminOf(t, RECORD_ASSESSMENT, {
        p: patientId(t),
        input: this.assessmentInput(c.concernIds[0]!),
      });
      return (data.recordAssessment as { assessment: { id: string } }).assessment;
    });
  }

  assessmentInput(concernId: string) {
    return { concernId, scale: "LEMPERLE", score: 2, rater: "CLINICIAN", assessedOn: TODAY };
  }

  planInput(t: Target, c: FixtureConsultation) {
    return {
      consultationId: c.id,
      concernIds: c.concernIds,
      siteId: siteId(t),
      startDate: TODAY,
      zones: [{ zone: "FOREHEAD", depthMm: 0.5 }],
      sessionsPlanned: 3,
      intervalWeeks: 4,
    };
  }

  /** A new user at the target's site (for changes), optionally deactivated; a missing id for `missing`. */
  async freshUser(t: Target, opts: { inactive?: boolean } = {}): Promise<{ id: string; version: number }> {
    if (t === "missing") return { id: toGlobalId("User", "u-nobody"), version: 1 };
    const admin = this.admin(t);
    let u = await Groups.inviteUser(this.api.db, admin, {
      email: `fresh-${randomUUID().slice(0, 8)}@${GROUP[t]}.example`,
      name: "Fresh User",
      role: "PRACTITIONER",
      siteIds: [SITE_IDS[t]],
    });
    if (opts.inactive) u = await Groups.setUserActive(this.api.db, admin, u.id, u.version, false);
    return { id: toGlobalId("User", u.id), version: u.version };
  }
}
