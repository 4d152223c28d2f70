import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Calendar } from "@needlework/core";
import { Analytics, Keys, resetCounter, Rollups } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import {
  consultAndPlan,
  daysAgo,
  demoPatient,
  fieldPaths,
  RECORD_SESSION,
  reasonCodes,
  serum,
  SESSION_FIELDS,
  sessionInput,
  site,
  TODAY,
  withoutAudit,
  type PlanOut,
  type RecordedSession,
  type SessionOut,
} from "../support/clinical";

const ISLA = demoPatient(6); // harbour, Fitzpatrick II, nothing to screen
const GRACE = demoPatient(4); // harbour, warfarin: ANTICOAGULANT BLOCK at every screen
const KEIRA = demoPatient(8); // riverside
const HA = serum("hyaluronic-acid");
const VITC = serum("vitamin-c");
const wrinkles = {
  indication: "WRINKLES",
  bodyArea: "FOREHEAD",
  zones: ["FOREHEAD"],
  baselineScale: "LEMPERLE",
  baselineScore: 3,
};

const ADVERSE = /* GraphQL */ `
  mutation Adverse($sessionId: ID!, $version: Int!, $event: AdverseEventInput!) {
    recordAdverseEvent(sessionId: $sessionId, version: $version, event: $event) {
      session {
        id
        version
        adverseEvents {
          type
          severity
          classification
          flag
          serum {
            name
          }
          lotNumber
        }
      }
      plan {
        id
      }
    }
  }
`;
const BY_LOT = /* GraphQL */ `
  query ByLot($serumId: ID!, $lotNumber: String!, $first: Int, $after: String) {
    sessionsByLot(serumId: $serumId, lotNumber: $lotNumber, first: $first, after: $after) {
      edges {
        cursor
        performedOn
        zone
        node {
          id
          patient {
            id
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
const RECENT = /* GraphQL */ `
  query Recent($siteId: ID!, $first: Int, $after: String) {
    recentSessions(siteId: $siteId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          performedOn
          patient {
            id
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

/** A counter summed over a rollup value's shards (all time); a concern × band cell is the band's counter per concern. */
async function rollup(api: TestApi, dimension: string, value: string, attr = "sessions"): Promise<number> {
  const name = (Rollups.RollupAttr as Record<string, unknown>)[attr];
  const counters =
    dimension === "CONCERN_DEPTH_BAND"
      ? await Analytics.rollupCounters(api.db, "glow", "DEPTH_BAND", value.split("|")[1]!, {
          prefix: { dimension: "CONCERN", value: value.split("|")[0]! },
        })
      : await Analytics.rollupCounters(api.db, "glow", dimension as Rollups.RollupDimension, value);
  return counters[typeof name === "string" ? name : attr] ?? 0;
}

describe("treatment sessions through GraphQL on DynamoDB Local", () => {
  let api: TestApi;
  let plan: PlanOut;
  let first: SessionOut;
  const record = (patientId: string, input: Record<string, unknown>, as = api.users.ava, key?: string) =>
    api.gql<RecordedSession>(RECORD_SESSION, { patientId, input, key }, as);

  beforeAll(async () => {
    api = await startTestApi();
    ({ plan } = await consultAndPlan(api, { patientId: ISLA, date: daysAgo(60), concerns: [wrinkles] }));
  });
  afterAll(async () => api?.stop());

  it("records a session with its serum, counts it on the plan and the rollups, in one transaction", async () => {
    const pen = await rollup(api, "DEVICE", "PEN");
    const haSessions = await rollup(api, "SERUM", "srm-hyaluronic-acid");
    const cross = await rollup(api, "CONCERN_DEPTH_BAND", Rollups.concernDepthValue("WRINKLES", "0.25–0.5"));
    resetCounter(api.db);
    const r = await record(
      ISLA,
      sessionInput(plan, {
        performedOn: daysAgo(60),
        serumsApplied: [{ serumId: HA, lotNumber: "hyal-2511", zone: "FOREHEAD" }],
      }),
    );
    expect(r.errors).toBeUndefined();
    expect(api.db.counter.byOperation.TransactWriteItems).toBe(1);
    expect(api.db.counter.byOperation.Scan).toBeUndefined();
    first = r.data!.recordTreatmentSession.session;
    expect(first).toMatchObject({
      version: 1,
      performedOn: daysAgo(60),
      device: { kind: "PEN", cartridgeNeedleCount: 12, cartridgeLot: "CART-7781" },
      zones: [{ zone: "FOREHEAD", depthMm: 0.35, passes: 2, depthBand: "0.25–0.5" }],
      deviations: [],
      serumsApplied: [
        { serum: { id: HA }, lotNumber: "HYAL-2511", zone: "FOREHEAD", findings: [], override: null },
      ],
      rescreen: { findings: [], added: [], overrides: [] },
    });
    // The seed's advice with the clinic's numbers.
    expect(first.aftercare.given).toBe(true);
    expect(
      first.aftercare.lines.some((l) => l.startsWith("No actives (retinoids, acids, vitamin C) for 7 days")),
    ).toBe(true);
    expect(r.data!.recordTreatmentSession.plan).toMatchObject({
      status: "IN_PROGRESS",
      progress: { done: 1, planned: 3, remaining: 2 },
      lastSessionOn: daysAgo(60),
      nextDueOn: Calendar.addWeeks(daysAgo(60), 4),
    });
    expect(await rollup(api, "DEVICE", "PEN")).toBe(pen + 1);
    expect(await rollup(api, "SERUM", "srm-hyaluronic-acid")).toBe(haSessions + 1);
    expect(await rollup(api, "CONCERN_DEPTH_BAND", Rollups.concernDepthValue("WRINKLES", "0.25–0.5"))).toBe(
      cross + 1,
    );

    // The lot trace: one item in the lot's partition.
    const trace = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": Keys.lotTracePk("glow", "srm-hyaluronic-acid", "HYAL-2511") },
      }),
    );
    // (The demo seed applied this lot too.)
    expect(trace.Items?.filter((i) => i.patientId === "demo-glow-p06").map((i) => String(i.zone))).toEqual([
      "FOREHEAD",
    ]);

    const read = await api.gql<{ node: SessionOut }>(
      `query($id: ID!) { node(id: $id) { ... on TreatmentSession { ${SESSION_FIELDS} } } }`,
      { id: first.id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.node.id).toBe(first.id);
  });

  it("asks for a reason to treat outside the plan's depth range, and records the deviation", async () => {
    const before = await snapshotTable(api.db);
    const deep = sessionInput(plan, {
      performedOn: daysAgo(32),
      zones: [{ zone: "FOREHEAD", depthMm: 0.75, passes: 2 }],
    });
    const refused = await record(ISLA, deep);
    expect(codes(refused)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(refused)).toEqual(["input.depthDeviationReason"]);
    expect(await snapshotTable(api.db)).toEqual(before);

    const ok = await record(ISLA, {
      ...deep,
      depthDeviationReason: "Thicker skin than expected; tolerated well",
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordTreatmentSession.session.deviations).toEqual([
      { zone: "FOREHEAD", reason: "Forehead: 0.75 mm is outside the planned 0.25–0.5 mm" },
    ]);
    expect(ok.data!.recordTreatmentSession.plan.progress.done).toBe(2);
  });

  it("answers bad input with the right code and leaves the table exactly as it was", async () => {
    const before = await snapshotTable(api.db);
    const outOfRange = await record(
      ISLA,
      sessionInput(plan, { zones: [{ zone: "FOREHEAD", depthMm: 2.6, passes: 2 }] }),
    );
    expect(codes(outOfRange)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(outOfRange)).toContain("input.zones.0.depthMm");
    expect(
      codes(
        await record(ISLA, sessionInput(plan, { zones: [{ zone: "FOREHEAD", depthMm: 0.1, passes: 2 }] })),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await record(ISLA, sessionInput(plan, { device: "LASER" })))).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await record(ISLA, sessionInput(plan, { zones: [{ zone: "EARLOBE", depthMm: 0.3, passes: 1 }] })),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    const { zones: _z, ...noZones } = sessionInput(plan);
    expect(codes(await record(ISLA, noZones))).toEqual(["BAD_USER_INPUT"]);
    const { rescreen: _r, ...noRescreen } = sessionInput(plan);
    expect(codes(await record(ISLA, noRescreen))).toEqual(["BAD_USER_INPUT"]);
    const unanswered = await record(ISLA, sessionInput(plan, { rescreen: { activeSkinInfection: false } }));
    expect(fieldPaths(unanswered)).toContain("input.rescreen.openWounds");
    expect(fieldPaths(await record(ISLA, sessionInput(plan, { cartridge: null })))).toEqual([
      "input.cartridge",
    ]);
    expect(
      fieldPaths(await record(ISLA, sessionInput(plan, { device: "RF_MICRONEEDLING", cartridge: null }))),
    ).toEqual(["input.rf"]);
    expect(
      fieldPaths(await record(ISLA, sessionInput(plan, { performedOn: Calendar.addWeeks(TODAY, 1) }))),
    ).toEqual(["input.performedOn"]);
    const wrongZone = await record(
      ISLA,
      sessionInput(plan, { serumsApplied: [{ serumId: HA, lotNumber: "HYAL-2511", zone: "CHEEKS" }] }),
    );
    expect(fieldPaths(wrongZone)).toEqual(["input.serumsApplied.0.zone"]);
    expect(
      codes(
        await record(
          ISLA,
          sessionInput(plan, { planId: toGlobalId("TreatmentPlan", "demo-glow-p06|2026-01-01|nope") }),
        ),
      ),
    ).toEqual(["NOT_FOUND"]);
    expect(codes(await record(ISLA, sessionInput(plan, { planId: toGlobalId("Patient", "x") })))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(withoutAudit(await snapshotTable(api.db))).toEqual(withoutAudit(before));
  });

  it("refuses an expired or unknown lot with CONTRAINDICATED, whatever the override reason, writing nothing but the refusal's audit entry", async () => {
    const before = await snapshotTable(api.db);
    const expired = await record(
      ISLA,
      sessionInput(plan, {
        serumsApplied: [
          { serumId: HA, lotNumber: "HYAL-2409", zone: "FOREHEAD", overrideReason: "Only lot in stock" },
        ],
      }),
    );
    expect(codes(expired)).toEqual(["CONTRAINDICATED"]);
    expect(reasonCodes(expired)).toEqual(["LOT_EXPIRED"]);
    expect(expired.errors![0]!.message).toContain("expired");
    const reasons = expired.errors![0]!.extensions!.reasons as { path: string }[];
    expect(reasons[0]!.path).toBe("input.serumsApplied.0");
    const unknown = await record(
      ISLA,
      sessionInput(plan, { serumsApplied: [{ serumId: HA, lotNumber: "NOPE-1", zone: "FOREHEAD" }] }),
    );
    expect(reasonCodes(unknown)).toEqual(["LOT_UNKNOWN"]);
    const after = await snapshotTable(api.db);
    expect(after).toEqual(before);
  });

  it("needs an override with a reason for a serum BLOCK, and records who gave it", async () => {
    const input = sessionInput(plan, {
      performedOn: daysAgo(4),
      serumsApplied: [{ serumId: VITC, lotNumber: "VITA-2511", zone: "FOREHEAD" }],
    });
    const refused = await record(ISLA, input);
    expect(codes(refused)).toEqual(["CONTRAINDICATED"]);
    expect(reasonCodes(refused)).toEqual(["SERUM_ACTIVE_ON_NEEDLED_SKIN", "SERUM_NOT_CLEARED_FOR_NEEDLING"]);
    const ok = await record(ISLA, {
      ...input,
      serumsApplied: [
        {
          serumId: VITC,
          lotNumber: "VITA-2511",
          zone: "FOREHEAD",
          overrideReason: "Applied after needling on intact skin of the brow only",
        },
      ],
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordTreatmentSession.session.serumsApplied[0]).toMatchObject({
      findings: [{ code: "SERUM_NOT_CLEARED_FOR_NEEDLING" }, { code: "SERUM_ACTIVE_ON_NEEDLED_SKIN" }],
      override: {
        reason: "Applied after needling on intact skin of the brow only",
        by: { name: "Ava Reid" },
      },
    });
    expect(ok.data!.recordTreatmentSession.plan).toMatchObject({
      status: "COMPLETED",
      progress: { done: 3, remaining: 0 },
      nextDueOn: null,
    });
  });

  it("re-runs the screen: a new BLOCK needs an override, a consultation override carries over unchanged", async () => {
    const { plan: gracePlan } = await consultAndPlan(api, {
      patientId: GRACE,
      date: daysAgo(20),
      concerns: [wrinkles],
      overrides: [{ code: "ANTICOAGULANT", reason: "Haematologist approved; INR in range" }],
    });
    const input = sessionInput(gracePlan, {
      performedOn: daysAgo(20),
      rescreen: { ...(sessionInput(gracePlan).rescreen as object), openWounds: true },
    });
    const before = await snapshotTable(api.db);
    const refused = await record(GRACE, input);
    expect(codes(refused)).toEqual(["CONTRAINDICATED"]);
    expect(reasonCodes(refused)).toEqual(["OPEN_WOUNDS"]);
    const bogus = await record(GRACE, {
      ...input,
      overrides: [{ code: "SUNBURN", reason: "Mild redness on the shoulders only" }],
    });
    expect(codes(bogus)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(bogus)).toEqual(["input.overrides.0.code"]);
    const noReason = await record(GRACE, { ...input, overrides: [{ code: "OPEN_WOUNDS", reason: " " }] });
    expect(fieldPaths(noReason)).toEqual(["input.overrides.0.reason"]);
    expect(await snapshotTable(api.db)).toEqual(before);

    const ok = await record(GRACE, {
      ...input,
      overrides: [{ code: "OPEN_WOUNDS", reason: "Healed graze on the chin, outside the treated area" }],
    });
    expect(ok.errors).toBeUndefined();
    const rs = ok.data!.recordTreatmentSession.session.rescreen;
    expect(rs.added).toEqual(["OPEN_WOUNDS"]);
    expect(rs.carriedOverrides.map((o) => o.code)).toEqual(["ANTICOAGULANT"]);
    expect(rs.overrides).toEqual([
      {
        code: "OPEN_WOUNDS",
        reason: "Healed graze on the chin, outside the treated area",
        by: { name: "Ava Reid" },
      },
    ]);
  });

  it("adds an adverse event with the version read; a stale version is CONFLICT; counted on the session's rollups", async () => {
    const events = await rollup(api, "DEVICE", "PEN", "adverseEvents");
    const event = {
      type: "PIH",
      onsetOn: daysAgo(55),
      durationDays: 20,
      severity: "MILD",
      serumId: HA,
      lotNumber: "HYAL-2511",
    };
    const ok = await api.gql<{
      recordAdverseEvent: {
        session: {
          version: number;
          adverseEvents: { type: string; classification: string; flag: string; serum: { name: string } }[];
        };
      };
    }>(ADVERSE, { sessionId: first.id, version: 1, event });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.recordAdverseEvent.session.version).toBe(2);
    expect(ok.data!.recordAdverseEvent.session.adverseEvents).toEqual([
      expect.objectContaining({
        type: "PIH",
        classification: "ABNORMAL",
        serum: { name: "Hyaluronic acid serum (sterile)" },
      }),
    ]);
    expect(await rollup(api, "DEVICE", "PEN", "adverseEvents")).toBe(events + 1);

    const before = await snapshotTable(api.db);
    expect(codes(await api.gql(ADVERSE, { sessionId: first.id, version: 1, event }))).toEqual(["CONFLICT"]);
    const early = await api.gql(ADVERSE, {
      sessionId: first.id,
      version: 2,
      event: { ...event, onsetOn: daysAgo(70) },
    });
    expect(fieldPaths(early)).toEqual(["adverseEvent.onsetOn"]);
    expect(
      codes(
        await api.gql(ADVERSE, { sessionId: first.id, version: 2, event: { ...event, severity: "FATAL" } }),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    const otherSerum = await api.gql(ADVERSE, {
      sessionId: first.id,
      version: 2,
      event: { ...event, serumId: VITC, lotNumber: null },
    });
    expect(fieldPaths(otherSerum)).toEqual(["adverseEvent.serumId"]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("finds who received a lot in one Query per page, and lists a site's sessions newest first", async () => {
    resetCounter(api.db);
    const byLot = await api.gql<{
      sessionsByLot: {
        edges: {
          cursor: string;
          performedOn: string;
          zone: string;
          node: { id: string; patient: { id: string } };
        }[];
      };
    }>(BY_LOT, {
      serumId: HA,
      lotNumber: "hyal-2511",
    });
    expect(byLot.errors).toBeUndefined();
    expect(api.db.counter.byOperation.Query).toBe(1);
    const isla = byLot.data!.sessionsByLot.edges.filter((e) => e.node.patient.id === ISLA);
    expect(isla.map(({ performedOn, zone, node }) => ({ performedOn, zone, node }))).toEqual([
      { performedOn: daysAgo(60), zone: "FOREHEAD", node: { id: first.id, patient: { id: ISLA } } },
    ]);
    const otherGroup = await api.gql<{ sessionsByLot: { edges: unknown[] } }>(
      BY_LOT,
      { serumId: HA, lotNumber: "HYAL-2511" },
      api.users.zoe,
    );
    expect(otherGroup.data!.sessionsByLot.edges).toEqual([]);

    // Every page one Query, newest first, pages not overlapping (the demo seed has harbour sessions too).
    const seen: string[] = [];
    const dates: string[] = [];
    let after: string | undefined;
    do {
      resetCounter(api.db);
      const page = await api.gql<{
        recentSessions: {
          edges: { node: { id: string; performedOn: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(RECENT, { siteId: site("harbour"), first: 2, after });
      expect(page.errors).toBeUndefined();
      expect(api.db.counter.byOperation.Query).toBe(1);
      seen.push(...page.data!.recentSessions.edges.map((e) => e.node.id));
      dates.push(...page.data!.recentSessions.edges.map((e) => e.node.performedOn));
      after = page.data!.recentSessions.pageInfo.hasNextPage
        ? page.data!.recentSessions.pageInfo.endCursor
        : undefined;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toEqual(expect.arrayContaining([daysAgo(4), daysAgo(20), daysAgo(32), daysAgo(60)]));
    expect(codes(await api.gql(RECENT, { siteId: site("riverside") }, api.users.ava))).toEqual(["NOT_FOUND"]);
  });

  it("hides a session of a patient of another site exactly like a missing one", async () => {
    const { plan: keiraPlan } = await consultAndPlan(api, {
      patientId: KEIRA,
      date: daysAgo(10),
      concerns: [wrinkles],
      siteId: site("riverside"),
      as: api.users.sam,
    });
    const TXA = serum("tranexamic-acid");
    const r = await record(
      KEIRA,
      sessionInput(
        keiraPlan,
        {
          performedOn: daysAgo(10),
          serumsApplied: [{ serumId: TXA, lotNumber: "TRAN-2511", zone: "FOREHEAD" }],
        },
        site("riverside"),
      ),
      api.users.sam,
    );
    expect(r.errors).toBeUndefined();
    const id = r.data!.recordTreatmentSession.session.id;
    const other = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, api.users.ava);
    const missing = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobalId("TreatmentSession", `demo-glow-p08|${daysAgo(10)}|nope`) },
      api.users.ava,
    );
    expect([codes(other), codes(missing)]).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
    expect(other.errors![0]!.message).toBe(missing.errors![0]!.message);
    // Recording for her at a harbour plan, or at a site the practitioner does not work at.
    expect(codes(await record(KEIRA, sessionInput(keiraPlan, {}, site("riverside")), api.users.ava))).toEqual(
      ["NOT_FOUND"],
    );
    expect(codes(await record(ISLA, sessionInput(plan, {}, site("riverside")), api.users.ava))).toEqual([
      "FORBIDDEN",
    ]);
    expect(codes(await record(ISLA, sessionInput(plan), api.users.leo))).toEqual(["FORBIDDEN"]);
    // The lot trace of riverside applications is not shown to a harbour practitioner (the seed has one too).
    const byAva = await api.gql<{ sessionsByLot: { edges: unknown[] } }>(
      BY_LOT,
      { serumId: TXA, lotNumber: "TRAN-2511" },
      api.users.ava,
    );
    expect(byAva.data!.sessionsByLot.edges).toEqual([]);
    const bySam = await api.gql<{ sessionsByLot: { edges: { node: { id: string } }[] } }>(
      BY_LOT,
      { serumId: TXA, lotNumber: "TRAN-2511" },
      api.users.sam,
    );
    expect(bySam.data!.sessionsByLot.edges.map((e) => e.node.id)).toContain(
      r.data!.recordTreatmentSession.session.id,
    );
  });

  it("replays an idempotent session record and writes nothing the second time", async () => {
    const { plan: p2 } = await consultAndPlan(api, {
      patientId: ISLA,
      date: daysAgo(3),
      concerns: [wrinkles],
    });
    const input = sessionInput(p2, { performedOn: daysAgo(3) });
    const a = await record(ISLA, input, api.users.ava, "session-replay-0001");
    expect(a.errors).toBeUndefined();
    const before = await snapshotTable(api.db);
    const b = await record(ISLA, input, api.users.ava, "session-replay-0001");
    expect(b.data!.recordTreatmentSession.session.id).toBe(a.data!.recordTreatmentSession.session.id);
    expect(await snapshotTable(api.db)).toEqual(before);
    expect(
      codes(await record(ISLA, { ...input, notes: "different" }, api.users.ava, "session-replay-0001")),
    ).toEqual(["BAD_USER_INPUT"]);
  });
});
