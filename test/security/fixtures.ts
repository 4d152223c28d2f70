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

const GROUP: Record<Target, string> = { own: "glow", otherSite: "glow", otherGroup: "northside", missing: "glow" };

export const SITE_IDS: Record<Target, string> = {
  own: "harbour",
  otherSite: "riverside",
  otherGroup: "central",
  missing: "nowhere",
};
export const PATIENT_IDS: Record<Target, string> = {
  own: "demo-glow-p01",
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
    const got = await this.api.db.doc.send(new GetCommand({ TableName: this.api.db.tableName, Key: key, ConsistentRead: true }));
    return Number(got.Item?.version ?? 1);
  }

  /** A new patient at the target's site, for changes; a missing id (at the own site) for `missing`. */
  async freshPatient(t: Target): Promise<{ id: string; version: number; input: ReturnType<typeof patientInput> }> {
    const familyName = `Fresh${randomUUID().slice(0, 8)}`;
    if (t === "missing") return { id: patientId("missing"), version: 1, input: patientInput(siteId("own"), { familyName }) };
    const p = await Patients.createPatient(this.api.db, this.admin(t), patientInput(SITE_IDS[t], { familyName }));
    return { id: toGlobalId("Patient", p.id), version: p.version, input: patientInput(siteId(t), { familyName }) };
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
