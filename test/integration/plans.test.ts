import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { addDays, Calendar, Serums as SerumRules, type Principal } from "@needlework/core";
import { GroupSettings, resetCounter, TreatmentPlans, Tx } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { seededSerum, serumItem } from "../../packages/store/src/clinical/serums";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

const RECORD = /* GraphQL */ `
  mutation Record($patientId: ID!, $input: ConsultationInput!) {
    recordConsultation(patientId: $patientId, input: $input) {
      consultation {
        id
        version
        cleared
        concerns {
          id
        }
        unresolvedBlocks {
          code
        }
      }
    }
  }
`;
const OVERRIDE = /* GraphQL */ `
  mutation Override($id: ID!, $version: Int!, $code: String!, $reason: String!) {
    overrideContraindication(consultationId: $id, version: $version, code: $code, reason: $reason) {
      consultation {
        version
        cleared
      }
    }
  }
`;
const SUGGEST = /* GraphQL */ `
  query Suggest($patientId: ID!, $concernIds: [ID!]!) {
    suggestPlan(patientId: $patientId, concernIds: $concernIds) {
      zones {
        zone
        depthMm
        depthMinMm
        depthMaxMm
        indication
      }
      sessions
      intervalWeeks
      device
      serums
      serumIds
      conservative
      notes
    }
  }
`;
const PLAN = /* GraphQL */ `
  id version status startDate sessionsPlanned intervalWeeks device notes cancelledReason
  progress { done planned remaining }
  nextDueOn retreatmentDueOn dueOn dueKind dueState lastSessionOn expectedCompletionOn
  zones { zone depthMm depthMinMm depthMaxMm aboveZoneDefault }
  plannedSerums { serumId name findings { code level } override { reason by { name } } }
  patient { givenName } site { name } consultation { id cleared } concerns { indication }
`;
const CREATE = /* GraphQL */ `
  mutation Create($input: TreatmentPlanInput!, $key: String) {
    createTreatmentPlan(input: $input, idempotencyKey: $key) { plan { ${PLAN} } }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($id: ID!, $version: Int!, $input: TreatmentPlanUpdateInput!) {
    updateTreatmentPlan(id: $id, version: $version, input: $input) { plan { ${PLAN} } }
  }
`;
const DUE = /* GraphQL */ `
  query Due($siteId: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
    plansDue(siteId: $siteId, from: $from, to: $to, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          dueOn
          dueKind
          patient {
            givenName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface PlanOut {
  id: string;
  version: number;
  status: string;
  startDate: string;
  progress: { done: number; planned: number; remaining: number };
  nextDueOn: string | null;
  dueOn: string | null;
  dueKind: string | null;
  dueState: string;
  zones: { zone: string; depthMm: number; aboveZoneDefault: boolean }[];
  plannedSerums: {
    serumId: string;
    name: string;
    findings: { code: string; level: string }[];
    override: { reason: string; by: { name: string } } | null;
  }[];
  cancelledReason: string | null;
  expectedCompletionOn: string;
}
interface Suggested {
  zones: { zone: string; depthMm: number; depthMinMm: number; depthMaxMm: number; indication: string }[];
  sessions: number;
  intervalWeeks: number;
  device: string;
  serumIds: string[];
  conservative: boolean;
}

const harbour = toGlobalId("Site", "harbour");
const riverside = toGlobalId("Site", "riverside");
const patient = (n: number, group = "glow") =>
  toGlobalId("Patient", `demo-${group}-p${String(n).padStart(2, "0")}`);
const GRACE = patient(4); // warfarin, harbour
const ISLA = patient(6); // no contraindications, harbour
const AMARA = patient(3); // Fitzpatrick V, sensitive to ascorbic acid, harbour
const KEIRA = patient(8); // riverside
const TODAY = new Date().toISOString().slice(0, 10);
const START = Calendar.addWeeks(TODAY, 2);
const HA = toGlobalId("SerumAddOn", "srm-hyaluronic-acid");
const VITC = toGlobalId("SerumAddOn", "srm-vitamin-c");

const noAnswers = {
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

const fieldPaths = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();
const reasons = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.reasons as { code: string }[] | undefined) ?? []).map((x) => x.code).sort();
const withoutAudit = (items: string[]) => items.filter((i) => !i.includes("#AUDIT#"));

describe("treatment plans through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  const consult = async (patientId: string, as?: Principal, siteId = harbour) => {
    const r = await api.gql<{
      recordConsultation: {
        consultation: { id: string; version: number; cleared: boolean; concerns: { id: string }[] };
      };
    }>(
      RECORD,
      { patientId, input: { date: TODAY, siteId, concerns: [wrinkles], answers: noAnswers } },
      as ?? api.users.ava,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.recordConsultation.consultation;
  };
  const planInput = (
    c: { id: string; concerns: { id: string }[] },
    s: Suggested,
    over: Record<string, unknown> = {},
  ) => ({
    consultationId: c.id,
    concernIds: c.concerns.map((x) => x.id),
    siteId: harbour,
    startDate: START,
    zones: s.zones.map(({ zone, depthMm, depthMinMm, depthMaxMm }) => ({
      zone,
      depthMm,
      depthMinMm,
      depthMaxMm,
    })),
    sessionsPlanned: s.sessions,
    intervalWeeks: s.intervalWeeks,
    device: s.device,
    ...over,
  });
  const suggest = async (patientId: string, concernIds: string[]) => {
    const r = await api.gql<{ suggestPlan: Suggested }>(SUGGEST, { patientId, concernIds });
    expect(r.errors).toBeUndefined();
    return r.data!.suggestPlan;
  };

  beforeAll(async () => {
    api = await startTestApi();
    // The serum catalogue items the plan reads by key (the demo seed may already hold them).
    for (const key of ["hyaluronic-acid", "vitamin-c"]) {
      const seed = SerumRules.SERUM_CATALOGUE_SEED.find((s) => s.key === key)!;
      const item = serumItem(
        seededSerum(
          "glow",
          seed,
          [{ lotNumber: "LOT-1", expiresOn: "2030-01-01" }],
          "2026-01-05T09:00:00.000Z",
        ),
      );
      try {
        await api.db.doc.send(
          new PutCommand({
            TableName: api.db.tableName,
            Item: item,
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      }
    }
  });
  afterAll(async () => api?.stop());

  let grace: { id: string; version: number; concerns: { id: string }[] };
  let suggestion: Suggested;
  let plan: PlanOut;

  it("suggests a plan from the protocol for the concern (forehead wrinkles: 0.25–0.5 mm, 3 sessions, 4 weeks)", async () => {
    grace = await consult(GRACE);
    resetCounter(api.db);
    suggestion = await suggest(
      GRACE,
      grace.concerns.map((c) => c.id),
    );
    // The user check with profile + concern; the protocols; the serum catalogue; the read's audit entry.
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1, Query: 2, PutItem: 1 });
    expect(suggestion).toMatchObject({ sessions: 3, intervalWeeks: 4, device: "PEN", conservative: false });
    expect(suggestion.zones).toEqual([
      { zone: "FOREHEAD", depthMm: 0.35, depthMinMm: 0.25, depthMaxMm: 0.5, indication: "WRINKLES" },
    ]);
    expect(suggestion.serumIds).toContain(HA);
  });

  it("refuses the plan with CONTRAINDICATED while the consultation has an unresolved BLOCK, writing nothing", async () => {
    const before = await snapshotTable(api.db);
    const r = await api.gql(CREATE, { input: planInput(grace, suggestion) });
    expect(codes(r)).toEqual(["CONTRAINDICATED"]);
    expect(reasons(r)).toEqual(["ANTICOAGULANT"]);
    expect(r.errors![0]!.message).toContain("anticoagulant");
    // Nothing at all is written.
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("creates the plan from the suggestion once the BLOCK is overridden with a reason: one BatchGetItem, one transaction", async () => {
    const o = await api.gql<{
      overrideContraindication: { consultation: { version: number; cleared: boolean } };
    }>(OVERRIDE, {
      id: grace.id,
      version: grace.version,
      code: "ANTICOAGULANT",
      reason: "Haematologist approved; INR 2.4 this week",
    });
    expect(o.data?.overrideContraindication.consultation).toEqual({ version: 2, cleared: true });
    resetCounter(api.db);
    const r = await api.gql<{ createTreatmentPlan: { plan: { id: string } } }>(
      `mutation($input: TreatmentPlanInput!) { createTreatmentPlan(input: $input) { plan { id } } }`,
      { input: planInput(grace, suggestion, { plannedSerums: [{ serumId: HA }] }) },
    );
    expect(r.errors).toBeUndefined();
    // The user check with everything the plan names; one transaction.
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1, TransactWriteItems: 1 });
    const read = await api.gql<{ node: PlanOut }>(
      `query($id: ID!) { node(id: $id) { ... on TreatmentPlan { ${PLAN} } } }`,
      { id: r.data!.createTreatmentPlan.plan.id },
    );
    expect(read.errors).toBeUndefined();
    plan = read.data!.node;
    expect(plan).toMatchObject({
      version: 1,
      status: "PLANNED",
      startDate: START,
      progress: { done: 0, planned: 3, remaining: 3 },
      nextDueOn: START,
      dueOn: START,
      dueKind: "SESSION",
      dueState: "NOT_DUE",
      expectedCompletionOn: Calendar.addWeeks(START, 8),
      zones: [{ zone: "FOREHEAD", depthMm: 0.35, aboveZoneDefault: false }],
      plannedSerums: [{ serumId: HA, findings: [], override: null }],
    });
  });

  it("checks planned serums: a topical-only serum is CONTRAINDICATED unless overridden with a reason", async () => {
    const isla = await consult(ISLA);
    const s = await suggest(
      ISLA,
      isla.concerns.map((c) => c.id),
    );
    const before = await snapshotTable(api.db);
    const refused = await api.gql(CREATE, {
      input: planInput(isla, s, { plannedSerums: [{ serumId: HA }, { serumId: VITC }] }),
    });
    expect(codes(refused)).toEqual(["CONTRAINDICATED"]);
    expect(reasons(refused)).toEqual(["SERUM_ACTIVE_ON_NEEDLED_SKIN", "SERUM_NOT_CLEARED_FOR_NEEDLING"]);
    const blank = await api.gql(CREATE, {
      input: planInput(isla, s, {
        plannedSerums: [{ serumId: VITC }],
        serumOverrides: [{ serumId: VITC, reason: " " }],
      }),
    });
    expect(codes(blank)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(blank)).toEqual(["serumOverrides.0.reason"]);
    expect(await snapshotTable(api.db)).toEqual(before);

    const reason = "Applied at home from day 7 only, not during needling";
    const ok = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(CREATE, {
      input: planInput(isla, s, {
        plannedSerums: [{ serumId: HA }, { serumId: VITC }],
        serumOverrides: [{ serumId: VITC, reason }],
      }),
    });
    expect(ok.errors).toBeUndefined();
    const vitc = ok.data!.createTreatmentPlan.plan.plannedSerums.find((x) => x.serumId === VITC)!;
    expect(vitc.findings.map((f) => f.code).sort()).toEqual([
      "SERUM_ACTIVE_ON_NEEDLED_SKIN",
      "SERUM_NOT_CLEARED_FOR_NEEDLING",
    ]);
    expect(vitc.override).toEqual({ reason, by: { name: "Ava Reid" } });
  });

  it("suggests conservative depth for Fitzpatrick V and keeps a sensitivity as a warning beside the overridden BLOCKs", async () => {
    const amara = await consult(AMARA);
    const s = await suggest(
      AMARA,
      amara.concerns.map((c) => c.id),
    );
    expect(s.conservative).toBe(true);
    expect(s.zones[0]!.depthMm).toBe(0.25);
    const r = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(CREATE, {
      input: planInput(amara, s, {
        plannedSerums: [{ serumId: VITC }],
        serumOverrides: [{ serumId: VITC, reason: "Patch-tested; home use after healing" }],
      }),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createTreatmentPlan.plan.plannedSerums[0]!.findings).toContainEqual({
      code: "SERUM_SENSITIVITY",
      level: "WARN",
    });
  });

  it("finds the plan due at its site within the window with ONE Query on the due index, not at the other site", async () => {
    resetCounter(api.db);
    const due = await api.gql<{
      plansDue: {
        edges: { node: { id: string; dueOn: string; dueKind: string; patient: { givenName: string } } }[];
      };
    }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: START,
    });
    expect(due.errors).toBeUndefined();
    expect(api.db.counter.byOperation.Query).toBe(1);
    expect(api.db.counter.byOperation.Scan).toBeUndefined();
    const mine = due.data!.plansDue.edges.find((e) => e.node.id === plan.id);
    expect(mine?.node).toMatchObject({ dueOn: START, dueKind: "SESSION", patient: { givenName: "Grace" } });
    const dates = due.data!.plansDue.edges.map((e) => e.node.dueOn);
    expect(dates).toEqual([...dates].sort());

    const elsewhere = await api.gql<{ plansDue: { edges: { node: { id: string } }[] } }>(
      DUE,
      { siteId: riverside, from: TODAY, to: START },
      api.users.sam,
    );
    expect(elsewhere.data?.plansDue.edges.map((e) => e.node.id)).not.toContain(plan.id);
    const before = await api.gql<{ plansDue: { edges: { node: { id: string } }[] } }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: addDays(START, -1),
    });
    expect(before.data?.plansDue.edges.map((e) => e.node.id)).not.toContain(plan.id);
    expect(codes(await api.gql(DUE, { siteId: riverside, from: TODAY, to: START }, api.users.ava))).toEqual([
      "NOT_FOUND",
    ]);
    expect(codes(await api.gql(DUE, { siteId: harbour, from: START, to: TODAY }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("pages the due list with cursors bound to the site", async () => {
    const first = await api.gql<{
      plansDue: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: START,
      first: 1,
    });
    expect(first.data!.plansDue.edges).toHaveLength(1);
    expect(first.data!.plansDue.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<{ plansDue: { edges: { node: { id: string } }[] } }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: START,
      first: 1,
      after: first.data!.plansDue.pageInfo.endCursor,
    });
    expect(second.data!.plansDue.edges[0]!.node.id).not.toBe(first.data!.plansDue.edges[0]!.node.id);
    const foreign = await api.gql(
      DUE,
      { siteId: riverside, from: TODAY, to: START, after: first.data!.plansDue.pageInfo.endCursor },
      api.users.sam,
    );
    expect(codes(foreign)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers every bad plan input with the right code and leaves the table exactly as it was", async () => {
    const before = await snapshotTable(api.db);
    const base = planInput(grace, suggestion);
    const cases: [string, Record<string, unknown>, string, string[]][] = [
      [
        "depth 3.0 mm",
        { ...base, zones: [{ zone: "FOREHEAD", depthMm: 3.0 }] },
        "BAD_USER_INPUT",
        ["zones.0.depthMm"],
      ],
      [
        "depth outside its own range",
        { ...base, zones: [{ zone: "FOREHEAD", depthMm: 0.6, depthMinMm: 0.25, depthMaxMm: 0.5 }] },
        "BAD_USER_INPUT",
        ["zones.0.depthMm"],
      ],
      [
        "zone twice",
        {
          ...base,
          zones: [
            { zone: "FOREHEAD", depthMm: 0.3 },
            { zone: "FOREHEAD", depthMm: 0.4 },
          ],
        },
        "BAD_USER_INPUT",
        ["zones.1.zone"],
      ],
      ["25 sessions", { ...base, sessionsPlanned: 25 }, "BAD_USER_INPUT", ["sessionsPlanned"]],
      [
        "start before the consultation",
        { ...base, startDate: Calendar.addWeeks(TODAY, -1) },
        "BAD_USER_INPUT",
        ["startDate"],
      ],
      ["no concerns", { ...base, concernIds: [] }, "BAD_USER_INPUT", ["concernIds"]],
      ["wrong id type", { ...base, consultationId: GRACE }, "BAD_USER_INPUT", ["input.consultationId"]],
      [
        "concern id of the wrong type",
        { ...base, concernIds: [grace.id] },
        "BAD_USER_INPUT",
        ["input.concernIds.0"],
      ],
      [
        "serum id of the wrong type",
        { ...base, plannedSerums: [{ serumId: harbour }] },
        "BAD_USER_INPUT",
        ["input.plannedSerums.0.serumId"],
      ],
      ["unknown enum", { ...base, zones: [{ zone: "ELBOW", depthMm: 0.5 }] }, "BAD_USER_INPUT", []],
      ["unknown device", { ...base, device: "LASER" }, "BAD_USER_INPUT", []],
      ["missing field", (({ sessionsPlanned: _s, ...rest }) => rest)(base), "BAD_USER_INPUT", []],
      ["wrong scalar", { ...base, intervalWeeks: "four" }, "BAD_USER_INPUT", []],
    ];
    for (const [name, input, code, paths] of cases) {
      const r = await api.gql(CREATE, { input });
      expect(codes(r), name).toEqual([code]);
      if (paths.length) expect(fieldPaths(r), name).toEqual(paths);
    }
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("hides plans of another site's patient and of another group exactly like missing ones", async () => {
    const keira = await consult(KEIRA, api.users.sam, riverside);
    const s = await suggest(
      KEIRA,
      keira.concerns.map((c) => c.id),
    ).catch(() => undefined);
    expect(s).toBeUndefined(); // Ava cannot see Keira: the suggestion is refused too
    const sam = await api.gql<{ suggestPlan: Suggested }>(
      SUGGEST,
      { patientId: KEIRA, concernIds: keira.concerns.map((c) => c.id) },
      api.users.sam,
    );
    const created = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(
      CREATE,
      { input: planInput(keira, sam.data!.suggestPlan, { siteId: riverside }) },
      api.users.sam,
    );
    expect(created.errors).toBeUndefined();
    const keiraPlan = created.data!.createTreatmentPlan.plan;
    const read = (id: string, as: Principal | undefined) =>
      api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, as);
    const missingId = toGlobalId("TreatmentPlan", `demo-glow-p04|${START}|nope`);
    const results = [
      await read(keiraPlan.id, api.users.ava),
      await read(plan.id, api.users.zoe),
      await read(missingId, api.users.ava),
    ];
    expect(results.map(codes)).toEqual([["NOT_FOUND"], ["NOT_FOUND"], ["NOT_FOUND"]]);
    expect(results[0]!.errors![0]!.message).toBe(results[2]!.errors![0]!.message);
    const before = await snapshotTable(api.db);
    const update = await api.gql(
      UPDATE,
      { id: keiraPlan.id, version: 1, input: { sessionsPlanned: 4 } },
      api.users.ava,
    );
    const createFromOther = await api.gql(
      CREATE,
      { input: planInput(keira, sam.data!.suggestPlan, { siteId: riverside }) },
      api.users.ava,
    );
    const otherGroup = await api.gql(
      UPDATE,
      { id: plan.id, version: 1, input: { sessionsPlanned: 4 } },
      api.users.zoe,
    );
    expect([codes(update), codes(createFromOther), codes(otherGroup)]).toEqual([
      ["NOT_FOUND"],
      ["NOT_FOUND"],
      ["NOT_FOUND"],
    ]);
    // Ava sees Grace but does not work at Riverside: she cannot plan treatment there.
    const elsewhere = await api.gql(
      CREATE,
      { input: planInput(grace, suggestion, { siteId: riverside }) },
      api.users.ava,
    );
    expect(codes(elsewhere)).toEqual(["FORBIDDEN"]);
    expect(withoutAudit(await snapshotTable(api.db))).toEqual(withoutAudit(before));
  });

  it("edits the plan with the version read; a stale version is a CONFLICT and changes nothing", async () => {
    const r = await api.gql<{ updateTreatmentPlan: { plan: PlanOut } }>(UPDATE, {
      id: plan.id,
      version: 1,
      input: { sessionsPlanned: 4, notes: "Add a fourth session" },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateTreatmentPlan.plan).toMatchObject({
      version: 2,
      progress: { done: 0, planned: 4, remaining: 4 },
      expectedCompletionOn: Calendar.addWeeks(START, 12),
    });
    const before = await snapshotTable(api.db);
    const stale = await api.gql(UPDATE, { id: plan.id, version: 1, input: { sessionsPlanned: 5 } });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    const afterStale = await snapshotTable(api.db);
    expect(afterStale).toEqual(before);
    const bad = await api.gql(UPDATE, {
      id: plan.id,
      version: 2,
      input: { zones: [{ zone: "FOREHEAD", depthMm: 3.0 }] },
    });
    expect(codes(bad)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(bad)).toEqual(["zones.0.depthMm"]);
    const noReason = await api.gql(UPDATE, { id: plan.id, version: 2, input: { cancelReason: "  " } });
    expect(fieldPaths(noReason)).toEqual(["cancelReason"]);
    expect(await snapshotTable(api.db)).toEqual(afterStale);
  });

  it("counts a session through addPlanProgress (the session transaction's hook): next due moves, a stale plan is a CONFLICT", async () => {
    const ava = api.users.ava!;
    const localId = Buffer.from(plan.id, "base64url").toString("utf8").split(":")[1]!;
    const loaded = await TreatmentPlans.loadPlan(api.db, ava, "demo-glow-p04", localId);
    expect(loaded).toMatchObject({ version: 2, status: "PLANNED", dueOn: START });
    const { settings } = await GroupSettings.getSettings(api.db, "glow");
    // The patient's site: where the plan's KPI item is counted.
    const site = "harbour";
    const tx = new Tx();
    const next = TreatmentPlans.addPlanProgress(tx, ava, loaded, START, settings, site);
    await tx.commit(api.db);
    expect(next).toMatchObject({
      version: 3,
      status: "IN_PROGRESS",
      progress: { done: 1, planned: 4 },
      lastSessionOn: START,
      nextDueOn: Calendar.addWeeks(START, 4),
      dueKind: "SESSION",
    });

    const due = await api.gql<{ plansDue: { edges: { node: { id: string; dueOn: string } }[] } }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: Calendar.addWeeks(START, 5),
    });
    expect(due.data!.plansDue.edges.filter((e) => e.node.id === plan.id).map((e) => e.node.dueOn)).toEqual([
      Calendar.addWeeks(START, 4),
    ]);

    const stale = new Tx();
    TreatmentPlans.addPlanProgress(stale, ava, loaded, Calendar.addWeeks(START, 4), settings, site);
    await expect(stale.commit(api.db)).rejects.toMatchObject({ code: "CONFLICT" });

    // Completing the course turns the due date into retreatment (clinic setting: 6 months).
    let current = await TreatmentPlans.loadPlan(api.db, ava, "demo-glow-p04", localId);
    for (const weeks of [4, 8, 12]) {
      const t = new Tx();
      current = TreatmentPlans.addPlanProgress(
        t,
        ava,
        current,
        Calendar.addWeeks(START, weeks),
        settings,
        site,
      );
      await t.commit(api.db);
    }
    expect(current).toMatchObject({
      status: "COMPLETED",
      nextDueOn: null,
      retreatmentDueOn: Calendar.addMonths(Calendar.addWeeks(START, 12), 6),
      dueKind: "RETREATMENT",
    });
  });

  it("cancels a plan with a reason: it leaves the due list for good", async () => {
    const isla = await consult(ISLA);
    const s = await suggest(
      ISLA,
      isla.concerns.map((c) => c.id),
    );
    const created = await api.gql<{ createTreatmentPlan: { plan: PlanOut } }>(CREATE, {
      input: planInput(isla, s),
    });
    const p = created.data!.createTreatmentPlan.plan;
    const r = await api.gql<{ updateTreatmentPlan: { plan: PlanOut } }>(UPDATE, {
      id: p.id,
      version: 1,
      input: { cancelReason: "Patient moved away" },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.updateTreatmentPlan.plan).toMatchObject({
      status: "CANCELLED",
      dueOn: null,
      nextDueOn: null,
      cancelledReason: "Patient moved away",
    });
    const due = await api.gql<{ plansDue: { edges: { node: { id: string } }[] } }>(DUE, {
      siteId: harbour,
      from: TODAY,
      to: START,
    });
    expect(due.data!.plansDue.edges.map((e) => e.node.id)).not.toContain(p.id);
    expect(codes(await api.gql(UPDATE, { id: p.id, version: 2, input: { sessionsPlanned: 4 } }))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("replays an idempotent create", async () => {
    const key = "plan-grace-idem-0001";
    const input = planInput(grace, suggestion);
    const a = await api.gql<{ createTreatmentPlan: { plan: { id: string } } }>(CREATE, { input, key });
    expect(a.errors).toBeUndefined();
    const before = await snapshotTable(api.db);
    const b = await api.gql<{ createTreatmentPlan: { plan: { id: string } } }>(CREATE, { input, key });
    expect(b.data?.createTreatmentPlan.plan.id).toBe(a.data?.createTreatmentPlan.plan.id);
    expect(await snapshotTable(api.db)).toEqual(before);
  });
});
