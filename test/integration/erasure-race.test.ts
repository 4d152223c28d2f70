import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { addDays } from "@needlework/core";
import { Assessments, Erasure, Keys } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import { interferingDb } from "../support/interfere";
import { COHORT, noAnswers, recordCohort, TODAY, type CreatedPatient } from "../analytics/cohort";
import { expectAnalyticsAgree } from "../analytics/recompute";

/**
 * Writes to a patient while its erasure is ERASING (packages/store/src/erasure.ts), between the
 * erasure's transactions: the erasure is stopped after its start and one unit (`maxTransactions`), and
 * a session, a patient update, a score and a late adverse event are attempted through the API by the
 * practitioner who could write them before; a score whose reads ran before the erasure started and
 * whose transaction is sent after it started is attempted through the store. Every one is NOT_FOUND
 * and writes nothing into the patient's collection, the outcome records or the rollups; the erasure
 * then completes, nothing of the patient is left but the tombstone, and the analytics equal a
 * recomputation from the remaining patients.
 */
const ERASE_REASON = "Erasure request received in writing (ticket 5120)";

describe("a write to a patient while its erasure is ERASING", () => {
  let api: TestApi;
  let zelda: CreatedPatient;
  let groupIds: string[];
  let pid: string;
  let name: string;
  /** What the practitioner read before the erasure started. */
  let before: {
    version: number;
    siteId: string;
    concernId: string;
    session: { id: string; version: number };
  };

  const collection = async (): Promise<Record<string, unknown>[]> => {
    const res = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": Keys.patientPk("glow", pid) },
        ConsistentRead: true,
      }),
    );
    return res.Items ?? [];
  };
  /** Everything but the audit trail (refusals are audited) and the request's idempotency records. */
  const analyticsAndRecords = async () =>
    (await snapshotTable(api.db)).filter((it) => {
      const pk = (JSON.parse(it) as { pk?: { S?: string } }).pk?.S ?? "";
      return !pk.includes("#AUDIT#") && !pk.includes("#IDEM#");
    });
  const eraseStep = (maxTransactions: number) =>
    Erasure.erasePatient(
      api.db,
      api.users.mia!,
      pid,
      { confirmName: name, reason: ERASE_REASON },
      { maxTransactions, unitsPerTransaction: 1 },
    );
  const score = (assessedOn: string) => ({
    concernId: before.concernId,
    scale: "GOODMAN_BARON_QUANTITATIVE",
    score: 22,
    rater: "CLINICIAN",
    assessedOn,
  });

  beforeAll(async () => {
    api = await startTestApi();
    const created = await recordCohort(api);
    zelda = created.find((p) => p.familyName === "Quistgaard")!;
    pid = parseGlobalId(zelda.id)!.localId;
    name = `${zelda.givenName} ${zelda.familyName}`;
    groupIds = [
      ...demoGroups()
        .find((g) => g.group.id === "glow")!
        .patients.map((p) => p.id),
      ...created.map((p) => parseGlobalId(p.id)!.localId),
    ];
    const r = await api.gql<{
      patient: {
        version: number;
        site: { id: string };
        concerns: { id: string }[];
        timeline: { edges: { node: { id?: string; version?: number } }[] };
      };
    }>(
      `query($id: ID!) { patient(id: $id) { version site { id } concerns { id }
        timeline(first: 100) { edges { node { ... on TreatmentSession { id version } } } } } }`,
      { id: zelda.id },
      api.users.ava,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const p = r.data!.patient;
    before = {
      version: p.version,
      siteId: p.site.id,
      concernId: p.concerns[0]!.id,
      session: p.timeline.edges.map((e) => e.node).find((n) => n.id) as { id: string; version: number },
    };
  }, 120_000);
  afterAll(async () => api?.stop());

  it("a score whose reads ran before the erasure started is refused when its transaction comes after (NOT_FOUND)", async () => {
    // The erasure starts (and stops before its data) between the score's reads and its write.
    const racing = interferingDb(api.db, async () => {
      const step = await eraseStep(0);
      expect(step.status).toBe("ERASING");
    });
    const attempt = Assessments.recordAssessment(racing.db, api.users.ava!, pid, {
      ...score(addDays(TODAY, -3)),
      concernId: parseGlobalId(before.concernId)!.localId,
    });
    await expect(attempt).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(racing.interfered()).toBe(true);
    expect(
      (await collection()).some((it) => it.type === "Assessment" && it.assessedOn === addDays(TODAY, -3)),
    ).toBe(false);
    await expectAnalyticsAgree(api, "glow", groupIds, { fitzpatrick: ["II"] });
  });

  it("between the erasure's transactions, writes through the API are NOT_FOUND and write nothing", async () => {
    const step = await eraseStep(1);
    expect(step.status).toBe("ERASING");
    expect(step.remaining).toBeGreaterThan(0);
    const items = await collection();
    expect(items.some((it) => it.sk === "ERASURE" && it.status === "ERASING")).toBe(true);
    expect(items.some((it) => it.sk === "PROFILE")).toBe(false);
    expect(items.some((it) => it.type === "TreatmentSession")).toBe(true);
    const stateBefore = await analyticsAndRecords();

    const ava = api.users.ava!;
    const spec = COHORT.find((c) => c.patient.familyName === "Quistgaard")!.patient;
    const attempts = {
      recordTreatmentSession: await api.gql(
        `mutation($p: ID!, $input: TreatmentSessionInput!) { recordTreatmentSession(patientId: $p, input: $input) { session { id } } }`,
        {
          p: zelda.id,
          input: {
            planId: zelda.planId,
            siteId: before.siteId,
            performedOn: addDays(TODAY, -1),
            device: "PEN",
            cartridge: { needleCount: 12, lotNumber: "CART-7" },
            zones: [{ zone: "CHEEKS", depthMm: 1.5, passes: 2 }],
            aftercareGiven: true,
            rescreen: noAnswers,
          },
        },
        ava,
      ),
      updatePatient: await api.gql(
        `mutation($id: ID!, $v: Int!, $input: PatientInput!) { updatePatient(id: $id, version: $v, input: $input) { patient { id } } }`,
        {
          id: zelda.id,
          v: before.version,
          input: { ...spec, siteId: before.siteId, fitzpatrick: "IV" },
        },
        ava,
      ),
      recordAssessment: await api.gql(
        `mutation($p: ID!, $input: AssessmentInput!) { recordAssessment(patientId: $p, input: $input) { assessment { id } } }`,
        { p: zelda.id, input: score(addDays(TODAY, -2)) },
        ava,
      ),
      recordAdverseEvent: await api.gql(
        `mutation($id: ID!, $v: Int!, $e: AdverseEventInput!) { recordAdverseEvent(sessionId: $id, version: $v, event: $e) { session { id } } }`,
        {
          id: before.session.id,
          v: before.session.version,
          e: { type: "PIH", severity: "MILD", onsetOn: addDays(TODAY, -2) },
        },
        ava,
      ),
    };
    for (const [op, r] of Object.entries(attempts)) expect(codes(r), op).toEqual(["NOT_FOUND"]);
    // Nothing written but the refusals' audit entries: the collection, the outcome records, the KPI
    // items and the rollups are as the erasure left them.
    expect(await analyticsAndRecords()).toEqual(stateBefore);
    await expectAnalyticsAgree(api, "glow", groupIds, { fitzpatrick: ["II"] });
  });

  it("the erasure then completes: nothing of the patient is left, and the analytics equal a recomputation", async () => {
    let step = await eraseStep(1);
    for (let i = 0; i < 60 && step.status !== "ERASED"; i++) step = await eraseStep(1);
    expect(step.status).toBe("ERASED");
    const left = await collection();
    expect(left.map((it) => `${String(it.sk)} ${String(it.status)}`)).toEqual(["ERASURE ERASED"]);
    const identifiers = [
      zelda.givenName,
      zelda.familyName,
      zelda.email,
      zelda.phone,
      zelda.dateOfBirth,
    ].filter((x): x is string => !!x);
    const holding = (await snapshotTable(api.db)).filter((it) => identifiers.some((x) => it.includes(x)));
    expect(holding).toEqual([]);
    await expectAnalyticsAgree(
      api,
      "glow",
      groupIds.filter((id) => id !== pid),
      { fitzpatrick: ["II", "IV"] },
    );
    const gone = await api.gql(
      `query($id: ID!) { patient(id: $id) { id } }`,
      { id: zelda.id },
      api.users.ava,
    );
    expect(codes(gone)).toEqual(["NOT_FOUND"]);
  });
});
