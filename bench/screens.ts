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
  gql(
    query: string,
    variables: Record<string, unknown>,
    as: Principal,
  ): Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;
  /** The fixture: local ids of the site and patient, global ids of the patient's clinical records. */
  ids: {
    site: string;
    patient: string;
    concern?: string | undefined;
    serum?: { id: string; lotNumber: string } | undefined;
    /** Global ids of the fixture's plan and one of its sessions. */
    plan?: string | undefined;
    session?: string | undefined;
    globalId(type: string, localId: string): string;
  };
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
    if (name.endsWith("Document") && doc instanceof String)
      out.set(name.slice(0, -"Document".length), String(doc));
  }
  return out;
}

/** The timeline as the patient page shows it, when the schema has it and the portal does not send it yet. */
const timelineQuery = `query PatientTimeline($id: ID!, $first: Int) { patient(id: $id) { id timeline(first: $first) { edges { cursor date node { __typename ... on TreatmentSession { id performedOn device { kind } zones { zone depthMm depthBand } } ... on Assessment { id } ... on Consultation { id } ... on TreatmentPlan { id } } } pageInfo { hasNextPage endCursor } } } }`;

type Json = Record<string, unknown>;
const at = (v: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Json)[k as string] : undefined), v);

const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export const SCREENS: Screen[] = [
  {
    id: "shell",
    label: "App shell (me)",
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
    prepare: async (c) => [
      { portal: "Patients", variables: { siteId: c.ids.globalId("Site", c.ids.site), first: 20 } },
    ],
    minimum: 2,
    why: "one Query of the site's patient index, one PutItem of the audit entry for listing patients",
  },
  {
    id: "patientPage",
    label: "Patient page",
    kind: "screen",
    needs: ["Query.patient"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      const id = c.ids.globalId("Patient", c.ids.patient);
      // The portal's patient page: profile, standing contraindications and the first timeline page.
      if (c.portal("PatientRecord")) return [{ portal: "PatientRecord", variables: { id, first: 10 } }];
      const ops: ScreenOperation[] = [{ portal: "Patient", variables: { id } }];
      if (c.has("Patient.timeline"))
        ops.push({ portal: "PatientTimeline", query: timelineQuery, variables: { id, first: 10 } });
      return ops;
    },
    minimum: 3,
    why: "one Query of the timeline page (newest first), one BatchGetItem of the profile, clinic settings and site (sent beside the Query), one PutItem of the audit entry; plan progress on session entries denormalised onto them",
  },
  {
    id: "today",
    label: "Today",
    kind: "screen",
    needs: ["Query.plansDue", "Query.recentSessions"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      const siteId = c.ids.globalId("Site", c.ids.site);
      return [
        {
          portal: "PlansDue",
          query: `query PlansDue($siteId: ID!, $from: Date!, $to: Date!, $first: Int) { plansDue(siteId: $siteId, from: $from, to: $to, first: $first) { edges { node { id dueOn dueKind dueState patient { id givenName familyName } progress { done planned } } } pageInfo { hasNextPage endCursor } } }`,
          variables: { siteId, from: addDays(c.today, -90), to: addDays(c.today, 14), first: 25 },
        },
        {
          portal: "RecentSessions",
          query: `query RecentSessions($siteId: ID!, $first: Int) { recentSessions(siteId: $siteId, first: $first) { edges { node { id performedOn patient { id givenName familyName } } } } }`,
          variables: { siteId, first: 10 },
        },
      ];
    },
    minimum: 4,
    why: "two operations, each one Query (the site's due index; its session index) with patient names denormalised on the items, and one PutItem of its audit entry",
  },
  {
    id: "outcomeTrend",
    label: "Outcome trend",
    kind: "screen",
    needs: ["Query.outcomeTrend"],
    as: (c) => c.users.ava!,
    prepare: async (c) => {
      if (!c.ids.concern) return { skip: "the fixture has no concern" };
      const patientId = c.ids.globalId("Patient", c.ids.patient);
      return [
        {
          portal: "OutcomesPage",
          query: `query OutcomesPage($patientId: ID!) { patient(id: $patientId) { id concerns { id indication baselineScale baselineScore } } }`,
          variables: { patientId },
        },
        {
          portal: "OutcomeTrend",
          query: `query OutcomeTrend($patientId: ID!, $concernId: ID!) { outcomeTrend(patientId: $patientId, concernId: $concernId) { scale baseline baselineOn direction points { assessedOn score label } latest { score } concern { id indication } } }`,
          variables: { patientId, concernId: c.ids.concern },
        },
      ];
    },
    minimum: 4,
    why: "two operations, each one Query of the patient's collection (profile, concerns, sessions; the concern and its assessments) and one PutItem of the audit entry",
  },
  {
    id: "lotTrace",
    label: "Serum lot trace",
    kind: "screen",
    needs: ["Query.sessionsByLot"],
    as: (c) => c.users.mia!,
    prepare: async (c) => {
      if (!c.ids.serum) return { skip: "the fixture has no session with a serum applied" };
      return [
        {
          portal: "SessionsByLot",
          query: `query SessionsByLot($serumId: ID!, $lotNumber: String!) { sessionsByLot(serumId: $serumId, lotNumber: $lotNumber, first: 20) { edges { performedOn zone node { id performedOn patient { id givenName familyName } } } pageInfo { hasNextPage endCursor } } }`,
          variables: { serumId: c.ids.serum.id, lotNumber: c.ids.serum.lotNumber },
        },
      ];
    },
    minimum: 2,
    why: "one Query of the lot's trace partition (patient names on the trace items), one PutItem of the audit entry",
  },
  {
    id: "analytics",
    label: "Analytics page",
    kind: "screen",
    needs: ["Query.outcomeSummary", "Query.concernDepthMatrix", "Query.kpis"],
    as: (c) => c.users.leo!,
    prepare: async () => [
      {
        portal: "AnalyticsOptions",
        query: `query AnalyticsOptions { sites: outcomeSummary(groupBy: SITE) { rows { key label } } serums: outcomeSummary(groupBy: SERUM) { rows { key label } } }`,
        variables: {},
      },
      {
        portal: "AnalyticsOverview",
        query: `query AnalyticsOverview($matrixFilter: OutcomeFilter, $serumFilter: OutcomeFilter) { serums: outcomeSummary(groupBy: SERUM, filter: $serumFilter) { rows { key label n sessions adverseEvents } } concernDepthMatrix(filter: $matrixFilter) { indication depthBand summary { n sessions } } }`,
        variables: { matrixFilter: null, serumFilter: null },
      },
      {
        portal: "AnalyticsKpis",
        query: `query AnalyticsKpis { kpis { asOf plansCounted courseCompletion { value } rebooking { value } adverseEvents { value } } }`,
        variables: { filter: null },
      },
    ],
    minimum: 6,
    why: "one Query of the group partition (site and serum names), one Query each of the SITE, SERUM and DEPTH_BAND rollup partitions (all-time items; a month range is a sort-key range of the same Query), one Query of the plan KPI items, one GetItem of the clinic settings",
  },
  {
    id: "sessionPage",
    label: "Session page",
    kind: "screen",
    needs: ["Query.node", "Query.clinicSettings"],
    as: (c) => c.users.ava!,
    prepare: async (c) =>
      c.ids.session
        ? [
            {
              portal: "TreatmentSession",
              variables: { patientId: c.ids.globalId("Patient", c.ids.patient), sessionId: c.ids.session },
            },
          ]
        : { skip: "the fixture has no session" },
    minimum: 2,
    why: "one BatchGetItem (profile, the session: its key is in its id, clinic settings), one PutItem of the audit entry",
  },
  {
    id: "sessionRecorder",
    label: "Session recorder",
    kind: "screen",
    needs: ["Query.node", "Query.serums"],
    as: (c) => c.users.ava!,
    prepare: async (c) =>
      c.ids.plan
        ? [
            {
              portal: "SessionRecorder",
              variables: { patientId: c.ids.globalId("Patient", c.ids.patient), planId: c.ids.plan },
            },
          ]
        : { skip: "the fixture has no plan" },
    minimum: 3,
    why: "one BatchGetItem (profile, plan, settings), one Query of the group's serum catalogue, one PutItem of the audit entry",
  },
  {
    id: "planPage",
    label: "Plan page",
    kind: "screen",
    needs: ["Query.node"],
    as: (c) => c.users.ava!,
    prepare: async (c) =>
      c.ids.plan
        ? [{ portal: "TreatmentPlan", variables: { id: c.ids.plan } }]
        : { skip: "the fixture has no plan" },
    minimum: 3,
    why: "one BatchGetItem (profile, plan, settings), one for what the plan names (consultation, concerns, planned serums), one PutItem of the audit entry",
  },
  {
    id: "serumCatalogue",
    label: "Serum catalogue (admin)",
    kind: "screen",
    needs: ["Query.serums"],
    as: (c) => c.users.mia!,
    prepare: async () => [{ portal: "SerumCatalogue", variables: { after: null } }],
    minimum: 1,
    why: "one Query of the group partition's serums (lots embedded)",
  },
  {
    id: "sitesAndUsers",
    label: "Sites and users (admin)",
    kind: "screen",
    needs: ["Query.sites", "Query.users"],
    as: (c) => c.users.mia!,
    prepare: async () => [
      { portal: "Sites", variables: { after: null } },
      { portal: "Users", variables: { after: null } },
    ],
    minimum: 2,
    why: "one Query of the group partition's sites, one of its users",
  },
  {
    id: "auditTrail",
    label: "Audit trail of a patient (admin)",
    kind: "screen",
    needs: ["Query.auditTrail"],
    as: (c) => c.users.mia!,
    prepare: async (c) => [
      {
        portal: "AuditTrail",
        variables: { patientId: c.ids.globalId("Patient", c.ids.patient), after: null },
      },
    ],
    minimum: 2,
    why: "one Query of the patient's audit partition, one PutItem of the audit entry (reading who saw a record is itself audited)",
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
          input: {
            siteId: c.ids.globalId("Site", c.ids.site),
            givenName: "Bench",
            familyName: "Mark",
            dateOfBirth: "1990-05-05",
          },
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
      const res = await c.gql(
        `query($id: ID!) { patient(id: $id) { version givenName familyName dateOfBirth } }`,
        { id },
        c.users.ava!,
      );
      const p = at(res.data, "patient") as Json | undefined;
      if (!p) return { skip: "the fixture patient is not readable" };
      return [
        {
          portal: "UpdatePatient",
          variables: {
            id,
            version: p.version,
            input: {
              siteId: c.ids.globalId("Site", c.ids.site),
              givenName: p.givenName,
              familyName: p.familyName,
              dateOfBirth: p.dateOfBirth,
              phone: "+44 7700 900999",
            },
          },
        },
      ];
    },
    minimum: 2,
    why: "one GetItem of the current record (a full replacement keeps createdAt and checks a site move), one TransactWriteItems (record with its version condition, audit entry)",
  },
];

/**
 * Main write operations counted while the fixture is recorded (bench/journey.ts): the first call of
 * each, with the fewest DynamoDB requests that could serve it.
 */
export const RECORDED_OPERATIONS: Record<string, { minimum: number; why: string }> = {
  recordConsultation: {
    minimum: 2,
    why: "one BatchGetItem (profile, clinic settings), one TransactWriteItems (consultation, concerns, audit entry)",
  },
  createTreatmentPlan: {
    minimum: 2,
    why: "one BatchGetItem (profile, consultation, its concerns, settings, planned serums), one TransactWriteItems (plan with its due-index keys, audit entry)",
  },
  recordTreatmentSession: {
    minimum: 3,
    why: "one BatchGetItem (profile, plan, settings, serums applied), one for what the plan names (consultation, concerns), one TransactWriteItems (session, plan progress, lot traces, rollups, audit entry)",
  },
  recordAssessment: {
    minimum: 2,
    why: "one BatchGetItem (profile, concern, its outcome state), one TransactWriteItems (assessment, outcome state, rollups, audit entry)",
  },
};
