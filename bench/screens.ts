import type { Principal } from "@needlework/core";
import * as PortalOperations from "../web/src/gql/graphql";

/**
 * What each portal screen and main API operation asks of DynamoDB. One entry per screen: the
 * operation(s) it sends (the portal's own document when the portal has it, else the query below),
 * who sends it, and the fewest DynamoDB requests that could possibly serve it, with why. The bench
 * counts the API's real requests (client middleware) for each and prints count / minimum.
 *
 * An entry whose root fields are not in the schema yet, or whose data the fixture lacks, is
 * reported as skipped with the reason, so the list can run ahead of the API.
 */
export interface ScreenContext {
  /** The demo seed's people: ava/sam (practitioners), mia (clinic admin), leo (analyst)... */
  users: Record<string, Principal>;
  /** GraphQL as a user, uncounted: for finding ids the screen needs. */
  gql(query: string, variables: Record<string, unknown>, as: Principal): Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;
  ids: { site: string; patient: string; globalId(type: string, localId: string): string };
  today: string;
  /** Whether the schema has a field, e.g. "Patient.timeline". */
  has(field: string): boolean;
  /** The portal's operation text by name, if it has one. */
  portal(name: string): string | undefined;
}

export interface ScreenOperation {
  /** The portal's operation name (web/src/gql/graphql.ts `${name}Document`), when it has one. */
  portal?: string;
  /** The query sent when the portal has no such operation (yet). */
  query?: string;
  variables: Record<string, unknown>;
}

export interface Screen {
  id: string;
  label: string;
  kind: "screen" | "operation";
  /** Root fields (Query.x / Mutation.x) the entry needs; absent ones skip it. */
  needs: string[];
  as: (c: ScreenContext) => Principal;
  /** The operations one visit sends, or why this run cannot measure it. */
  prepare: (c: ScreenContext) => Promise<ScreenOperation[] | { skip: string }>;
  /** The fewest DynamoDB requests that could serve it. */
  minimum: number;
  why: string;
}

/** The portal's operation documents by name, as sent over the wire. */
export function portalOperations(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, doc] of Object.entries(PortalOperations)) {
    if (name.endsWith("Document") && doc instanceof String) out.set(name.slice(0, -"Document".length), String(doc));
  }
  return out;
}

/** The timeline as the patient page shows it, when the schema has it and the portal does not send it yet. */
const timelineQuery = `query PatientTimeline($id: ID!, $first: Int) { patient(id: $id) { id timeline(first: $first) { edges { cursor date node { __typename ... on TreatmentSession { id performedOn device { kind } zones { zone depthMm depthBand } } ... on Assessment { id } ... on Consultation { id } ... on TreatmentPlan { id } } } pageInfo { hasNextPage endCursor } } } }`;

const first = <T>(xs: T[] | undefined): T | undefined => xs?.[0];
type Json = Record<string, unknown>;
const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Json)[k as string] : undefined), v);

/** A patient of the practitioner's site that has clinical records, if the fixture has one. */
async function patientWithRecords(c: ScreenContext): Promise<{ patientId: string; concernId?: string; session?: Json } | undefined> {
  const res = await c.gql(
    `query($id: ID!) { patient(id: $id) { id concerns { id } timeline(first: 50) { edges { node { __typename ... on TreatmentSession { id serumsApplied { serum { id } lotNumber } } } } } } }`,
    { id: c.ids.globalId("Patient", c.ids.patient) },
    c.users.ava!,
  );
  const p = at(res.data, "patient") as Json | undefined;
  if (!p) return undefined;
  const concerns = (p.concerns as Json[] | undefined) ?? [];
  const edges = (at(p, "timeline", "edges") as Json[] | undefined) ?? [];
  const session = edges.map((e) => e.node as Json).find((n) => n.__typename === "TreatmentSession" && ((n.serumsApplied as unknown[]) ?? []).length > 0);
  return { patientId: String(p.id), concernId: first(concerns)?.id as string | undefined, session };
}

export const SCREENS: Screen[] = [
  {
    id: "shell",
    label: "App shell (signed-in user, sites)",
    kind: "screen",
    needs: ["Query.me"],
    as: (c) => c.users.ava!,
    prepare: async () => [{ portal: "Me", variables: {} }],
    minimum: 1,
    why: "one BatchGetItem: the user (still active), the group and the user's sites",
  },
  {
    id: "patientList",
    label: "Patient list",
    kind: "screen",
    needs: ["Query.patients"],
    as: (c) => c.users.ava!,
    prepare: async (c) => [{ portal: "Patients", variables: { siteId: c.ids.globalId("Site", c.ids.site), first: 20 } }],
    minimum: 2,
    why: "one Query of the site's patient index, one PutItem of the audit entry for listing patients",
  },
  {
    id: "patientPage",
    label: "Patient page (profile + timeline)",
    kind: "screen",
    needs: ["Query.patient"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      const id = c.ids.globalId("Patient", c.ids.patient);
      const ops: ScreenOperation[] = [{ portal: "Patient", variables: { id } }];
      // The timeline, unless the portal's patient query already asks for it.
      if (c.has("Patient.timeline") && !c.portal("Patient")?.includes("timeline"))
        ops.push({ portal: "PatientTimeline", query: timelineQuery, variables: { id, first: 20 } });
      return ops;
    },
    minimum: 2,
    why: "one Query of the patient's item collection (profile, concerns, a page of the timeline), one PutItem of the audit entry for reading a record",
  },
  {
    id: "plansDue",
    label: "Today: plans due at the site",
    kind: "screen",
    needs: ["Query.plansDue"],
    as: (c) => c.users.ava!,
    prepare: async (c) => [
      {
        portal: "PlansDue",
        query: `query PlansDue($siteId: ID!, $from: Date!, $to: Date!) { plansDue(siteId: $siteId, from: $from, to: $to, first: 20) { edges { node { id dueOn dueKind dueState patient { id givenName familyName } concerns { indication } progress { done planned } } } pageInfo { hasNextPage endCursor } } }`,
        variables: { siteId: c.ids.globalId("Site", c.ids.site), from: "2000-01-01", to: c.today },
      },
    ],
    minimum: 2,
    why: "one Query of the site's due index (names denormalised on it), one PutItem of the audit entry",
  },
  {
    id: "outcomeTrend",
    label: "Outcome trend (a concern across visits)",
    kind: "screen",
    needs: ["Query.outcomeTrend"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      const p = await patientWithRecords(c);
      if (!p?.concernId) return { skip: "no patient with a concern in the fixture" };
      return [
        {
          portal: "OutcomeTrend",
          query: `query OutcomeTrend($patientId: ID!, $concernId: ID!) { outcomeTrend(patientId: $patientId, concernId: $concernId) { scale baseline baselineOn direction points { assessedOn score label } latest { score } concern { id indication } } }`,
          variables: { patientId: p.patientId, concernId: p.concernId },
        },
      ];
    },
    minimum: 2,
    why: "one Query of the patient's collection (profile, the concern, its assessments), one PutItem of the audit entry",
  },
  {
    id: "lotTrace",
    label: "Serum lot trace (who received lot X)",
    kind: "screen",
    needs: ["Query.sessionsByLot"],
    as: (c) => c.users.mia!,
    prepare: async (c) => {
      const p = await patientWithRecords(c);
      const applied = first(p?.session?.serumsApplied as Json[] | undefined);
      if (!applied) return { skip: "no session with a serum applied in the fixture" };
      return [
        {
          portal: "SessionsByLot",
          query: `query SessionsByLot($serumId: ID!, $lotNumber: String!) { sessionsByLot(serumId: $serumId, lotNumber: $lotNumber, first: 20) { edges { performedOn zone node { id performedOn patient { id givenName familyName } } } pageInfo { hasNextPage endCursor } } }`,
          variables: { serumId: at(applied, "serum", "id"), lotNumber: applied.lotNumber },
        },
      ];
    },
    minimum: 2,
    why: "one Query of the lot's trace partition (patient names on the trace items), one PutItem of the audit entry",
  },
  {
    id: "analystSummary",
    label: "Analyst outcome summary (by concern)",
    kind: "screen",
    needs: ["Query.outcomeSummary"],
    as: (c) => c.users.leo!,
    prepare: async () => [
      {
        portal: "OutcomeSummary",
        query: `query OutcomeSummary($groupBy: OutcomeDimension!) { outcomeSummary(groupBy: $groupBy) { groupBy rows { key label n meanImprovementPercent improvedShare sessions adverseEvents adverseEventsPer100Sessions } } }`,
        variables: { groupBy: "CONCERN" },
      },
    ],
    minimum: 1,
    why: "one BatchGetItem of the rollup shards (10 concerns × 8 shards = 80 keys ≤ 100)",
  },
  {
    id: "createPatient",
    label: "createPatient",
    kind: "operation",
    needs: ["Mutation.createPatient"],
    as: (c) => c.users.ava!,
    prepare: async (c) => [
      {
        portal: "CreatePatient",
        variables: {
          input: { siteId: c.ids.globalId("Site", c.ids.site), givenName: "Bench", familyName: "Mark", dateOfBirth: "1990-05-05" },
          idempotencyKey: `bench-${Date.now()}`,
        },
      },
    ],
    minimum: 1,
    why: "one TransactWriteItems: the patient, the site check, the audit entry, the idempotency record",
  },
  {
    id: "updatePatient",
    label: "updatePatient",
    kind: "operation",
    needs: ["Mutation.updatePatient"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      const id = c.ids.globalId("Patient", c.ids.patient);
      const res = await c.gql(`query($id: ID!) { patient(id: $id) { version givenName familyName dateOfBirth } }`, { id }, c.users.ava!);
      const p = at(res.data, "patient") as Json | undefined;
      if (!p) return { skip: "the fixture patient is not readable" };
      return [
        {
          portal: "UpdatePatient",
          variables: {
            id,
            version: p.version,
            input: { siteId: c.ids.globalId("Site", c.ids.site), givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, phone: "+44 7700 900999" },
          },
        },
      ];
    },
    minimum: 2,
    why: "one GetItem of the current record (a full replacement keeps createdAt and checks a site move), one TransactWriteItems (record with its version condition, audit entry)",
  },
];
