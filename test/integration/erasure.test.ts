import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDBServiceException } from "@aws-sdk/client-dynamodb";
import { Erasure, Keys, type PatientErasure } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import { COHORT, recordCohort, type CreatedPatient } from "../analytics/cohort";
import { expectAnalyticsAgree } from "../analytics/recompute";

/**
 * Erasure of a patient (packages/store/src/erasure.ts) through GraphQL on DynamoDB Local: a patient
 * treated through the API (sessions with serums and adverse events, assessments, a late adverse
 * event, an idempotent update, a cancelled plan whose reason names her) is erased by a clinic admin.
 * Afterwards no item of the whole table holds her name, email, phone or date of birth; she and her
 * records answer NOT_FOUND; summaries, outcome records and KPIs equal a recomputation from the
 * remaining patients; her audit trail keeps who did what when, and the erasure's entry with its
 * reason. A wrong name writes nothing; a crash midway is completed by calling again; a long erasure
 * answers ERASING with progress, and the analytics agree after every step of it.
 */
const ERASE = `mutation($id: ID!, $name: String!, $reason: String!) {
  erasePatient(id: $id, confirmName: $name, reason: $reason) {
    erasure { patientId status startedAt completedAt progress { done total }
      erased { consultations concerns plans sessions assessments outcomeRecords kpiPlans lotTraces idempotencyRecords auditDetails } }
  }
}`;
const REASON = "Erasure request received in writing (ticket 4411)";

interface ErasureOut {
  patientId: string;
  status: string;
  startedAt: string;
  completedAt: string | null;
  progress: { done: number; total: number };
  erased: Record<string, number>;
}

describe("erasing a patient", () => {
  let api: TestApi;
  let created: CreatedPatient[];
  let zelda: CreatedPatient;
  let xanthe: CreatedPatient;
  let groupIds: string[];
  const local = (p: CreatedPatient) => parseGlobalId(p.id)!.localId;
  const identifiers = (p: CreatedPatient): string[] =>
    [p.givenName, p.familyName, p.email, p.phone, p.dateOfBirth].filter((x): x is string => !!x);
  const erase = (id: string, name: string, reason = REASON, as = api.users.mia) =>
    api.gql<{ erasePatient: { erasure: ErasureOut } }>(ERASE, { id, name, reason }, as);
  const remaining = () => groupIds.filter((id) => id !== local(zelda) && (!xanthe || id !== local(xanthe)));

  beforeAll(async () => {
    api = await startTestApi();
    created = await recordCohort(api);
    zelda = created.find((p) => p.familyName === "Quistgaard")!;
    xanthe = created.find((p) => p.familyName === "Ortizova")!;
    groupIds = [
      ...demoGroups()
        .find((g) => g.group.id === "glow")!
        .patients.map((p) => p.id),
      ...created.map(local),
    ];
    // An idempotent update (its stored result holds her details) and a cancelled plan whose reason
    // names her (the audit entry's detail holds it).
    const p = await api.gql<{
      patient: { version: number; site: { id: string } };
    }>(`query($id: ID!) { patient(id: $id) { version site { id } } }`, { id: zelda.id }, api.users.ava);
    const spec = COHORT.find((c) => c.patient.familyName === "Quistgaard")!.patient;
    const upd = await api.gql(
      `mutation($id: ID!, $v: Int!, $input: PatientInput!, $k: String) { updatePatient(id: $id, version: $v, input: $input, idempotencyKey: $k) { patient { id } } }`,
      {
        id: zelda.id,
        v: p.data!.patient.version,
        k: "erasure-test-update-0001",
        input: { ...spec, siteId: p.data!.patient.site.id, historyFlags: ["ROSACEA"] },
      },
      api.users.ava,
    );
    expect(upd.errors, JSON.stringify(upd.errors)).toBeUndefined();
    const plan = await api.gql<{ node: { version: number } }>(
      `query($id: ID!) { node(id: $id) { ... on TreatmentPlan { version } } }`,
      { id: zelda.planId },
      api.users.ava,
    );
    const cancel = await api.gql(
      `mutation($id: ID!, $v: Int!, $input: TreatmentPlanUpdateInput!) { updateTreatmentPlan(id: $id, version: $v, input: $input) { plan { id } } }`,
      {
        id: zelda.planId,
        v: plan.data!.node.version,
        input: { cancelReason: `${zelda.givenName} ${zelda.familyName} moved away (call ${zelda.phone})` },
      },
      api.users.ava,
    );
    expect(cancel.errors, JSON.stringify(cancel.errors)).toBeUndefined();
  }, 180_000);
  afterAll(async () => api?.stop());

  const itemsHolding = async (needles: readonly string[]): Promise<string[]> =>
    (await snapshotTable(api.db)).filter((it) => needles.some((n) => it.includes(n)));

  it("her details are in the table before (the check below can see them)", async () => {
    const found = await itemsHolding(identifiers(zelda));
    expect(found.length).toBeGreaterThan(10);
    expect(found.some((it) => it.includes('"Idempotency"'))).toBe(true);
    expect(found.some((it) => it.includes('"AuditEntry"'))).toBe(true);
  });

  it("refuses practitioners and analysts (FORBIDDEN) and another group's admin (NOT_FOUND)", async () => {
    const before = await snapshotTable(api.db);
    const name = `${zelda.givenName} ${zelda.familyName}`;
    expect(codes(await erase(zelda.id, name, REASON, api.users.ava))).toEqual(["FORBIDDEN"]);
    expect(codes(await erase(zelda.id, name, REASON, api.users.leo))).toEqual(["FORBIDDEN"]);
    expect(codes(await erase(zelda.id, name, REASON, api.users.ian))).toEqual(["NOT_FOUND"]);
    // Only the refusals' audit entries were written.
    const after = await snapshotTable(api.db);
    const added = after.filter((it) => !before.includes(it));
    expect(added.length).toBe(3);
    for (const it of added) expect(it).toContain('"AuditEntry"');
    expect(after.filter((it) => !added.includes(it))).toEqual(before);
  });

  it("a wrong name, or a reason that names her, is BAD_USER_INPUT and writes nothing", async () => {
    const before = await snapshotTable(api.db);
    const wrong = await erase(zelda.id, "Zelda Quist");
    expect(codes(wrong)).toEqual(["BAD_USER_INPUT"]);
    expect(wrong.errors![0]!.extensions?.fields).toEqual([
      { path: "confirmName", reason: "does not match the patient's name" },
    ]);
    const named = await erase(zelda.id, "zelda QUISTGAARD", `Asked by Zelda on ${zelda.phone}`);
    expect(codes(named)).toEqual(["BAD_USER_INPUT"]);
    expect(codes(await erase(zelda.id, `${zelda.givenName} ${zelda.familyName}`, "  "))).toEqual([
      "BAD_USER_INPUT",
    ]);
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("a crash midway (a failed transaction, then a lost response) is completed by calling again", async () => {
    const name = `${zelda.givenName} ${zelda.familyName}`;
    // Fail the 3rd transaction before it is sent.
    let txs = 0;
    api.db.faultHook = ({ operation, attempt }) => {
      if (operation !== "TransactWriteItems" || attempt !== 1) return undefined;
      txs++;
      return txs === 3 ? injected() : undefined;
    };
    const first = await erase(zelda.id, name);
    api.db.faultHook = undefined;
    expect(first.errors).toBeDefined();
    expect(txs).toBe(3);
    // Started: she is gone from every read already.
    expect(
      codes(await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: zelda.id }, api.users.ava)),
    ).toEqual(["NOT_FOUND"]);
    // The analytics agree with what is left at this point.
    await expectAnalyticsAgree(api, "glow", groupIds, { fitzpatrick: ["II"] });
    // Lose the response of the next transaction (it committed).
    txs = 0;
    api.db.faultHook = ({ operation, attempt }) => {
      if (operation !== "TransactWriteItems" || attempt !== 1) return undefined;
      txs++;
      return txs === 1 ? { error: injected(), after: true } : undefined;
    };
    const second = await erase(zelda.id, name);
    api.db.faultHook = undefined;
    expect(second.errors).toBeDefined();
    const done = await erase(zelda.id, name);
    expect(done.errors, JSON.stringify(done.errors)).toBeUndefined();
    const e = done.data!.erasePatient.erasure;
    expect(e).toMatchObject({ patientId: zelda.id, status: "ERASED" });
    expect(e.completedAt).not.toBeNull();
    expect(e.erased).toMatchObject({
      consultations: 1,
      concerns: 1,
      plans: 1,
      sessions: 4,
      assessments: 3,
      outcomeRecords: 1,
      kpiPlans: 1,
      lotTraces: 2,
      idempotencyRecords: 1,
    });
    expect(e.erased.auditDetails).toBeGreaterThan(5);
    expect(e.progress.done).toBe(e.progress.total);
  });

  it("no item of the table holds her name, email, phone or date of birth", async () => {
    expect(await itemsHolding(identifiers(zelda))).toEqual([]);
  });

  it("she and her records answer NOT_FOUND, and she is in no list", async () => {
    const pid = local(zelda);
    const session = `query($id: ID!) { node(id: $id) { id } }`;
    const left: Record<string, unknown>[] = (
      await api.db.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": Keys.patientPk("glow", pid) },
        }),
      )
    ).Items!;
    // Only the tombstone is left in her collection, without personal data.
    expect(left.map((it) => it.sk)).toEqual(["ERASURE"]);
    expect(left[0]).not.toHaveProperty("givenName");
    expect(left[0]).not.toHaveProperty("fitzpatrick");
    for (const q of [
      [`query($id: ID!) { patient(id: $id) { id } }`, { id: zelda.id }],
      [session, { id: zelda.id }],
      [session, { id: zelda.planId }],
      [`query($id: ID!) { patientFhirBundle(patientId: $id) }`, { id: zelda.id }],
    ] as const) {
      const r = await api.gql(q[0], q[1], api.users.mia);
      expect(codes(r), q[0]).toEqual(["NOT_FOUND"]);
    }
    const list = await api.gql<{ patients: { edges: { node: { id: string } }[] } }>(
      `query($s: ID!, $q: String) { patients(siteId: $s, search: $q, first: 100) { edges { node { id } } } }`,
      { s: toGlobalId("Site", "harbour"), q: "quist" },
      api.users.ava,
    );
    expect(list.data!.patients.edges).toEqual([]);
    // Updates fail too.
    const upd = await api.gql(
      `mutation($id: ID!, $input: PatientInput!) { updatePatient(id: $id, version: 3, input: $input) { patient { id } } }`,
      {
        id: zelda.id,
        input: {
          siteId: toGlobalId("Site", "harbour"),
          givenName: "A",
          familyName: "B",
          dateOfBirth: "1990-02-02",
        },
      },
      api.users.ava,
    );
    expect(codes(upd)).toEqual(["NOT_FOUND"]);
  });

  it("summaries, outcome records and KPIs equal a recomputation from the remaining patients", async () => {
    await expectAnalyticsAgree(api, "glow", groupIds, { fitzpatrick: ["II", "V", "III"] });
  });

  it("her audit trail keeps who did what when, without detail, and the erasure with its reason", async () => {
    const r = await api.gql<{
      auditTrail: {
        edges: {
          node: {
            action: string;
            detail: string | null;
            detailErased: boolean;
            userEmail: string;
            at: string;
            outcome: string;
          };
        }[];
      };
    }>(
      `query($id: ID!) { auditTrail(patientId: $id, first: 100) { edges { node { action detail detailErased userEmail at outcome } } } }`,
      { id: zelda.id },
      api.users.mia,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const entries = r.data!.auditTrail.edges.map((e) => e.node);
    const started = entries.find((e) => e.action === "ERASE_PATIENT" && e.outcome === "OK")!;
    expect(started).toMatchObject({ userEmail: "mia.chen@glow.example", detailErased: false });
    expect(started.detail).toContain(REASON);
    expect(entries.find((e) => e.action === "ERASE_PATIENT_COMPLETED")?.detailErased).toBe(false);
    // The entries whose detail the erasure removed say so (the portal shows it instead of a blank).
    expect(entries.find((e) => e.action === "CANCEL_TREATMENT_PLAN")).toMatchObject({
      detail: null,
      detailErased: true,
    });
    const erased = entries.filter((e) => e.detailErased);
    expect(erased.length).toBeGreaterThan(0);
    for (const e of erased) expect(e.detail, e.action).toBeNull();
    // The count the erasure reported is the entries marked.
    const done = await erase(zelda.id, `${zelda.givenName} ${zelda.familyName}`);
    expect(done.data!.erasePatient.erasure.erased.auditDetails).toBe(erased.length);
    // The tombstone stands for the profile: her trail is a clinic admin's of her group only.
    const trail = `query($id: ID!) { auditTrail(patientId: $id) { edges { node { id } } } }`;
    expect(codes(await api.gql(trail, { id: zelda.id }, api.users.ava))).toEqual(["FORBIDDEN"]);
    expect(codes(await api.gql(trail, { id: zelda.id }, api.users.ian))).toEqual(["NOT_FOUND"]);
    expect(Date.parse(started.at)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(entries.find((e) => e.action === "ERASE_PATIENT_COMPLETED")?.detail).toMatch(/4 sessions/);
    for (const action of [
      "CREATE_PATIENT",
      "RECORD_TREATMENT_SESSION",
      "RECORD_ASSESSMENT",
      "CANCEL_TREATMENT_PLAN",
    ]) {
      const e = entries.find((x) => x.action === action);
      expect(e, action).toBeDefined();
      expect(e!.detail, action).toBeNull();
    }
  });

  it("the lot she received still counts its applications, without her", async () => {
    const pk = Keys.lotTracePk("glow", "srm-hyaluronic-acid", "HYAL-2511");
    const items = (
      await api.db.doc.send(
        new QueryCommand({
          TableName: api.db.tableName,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": pk },
        }),
      )
    ).Items!;
    const erased = items.filter((it) => it.erased === true);
    expect(erased).toHaveLength(2);
    for (const it of erased) {
      expect(it).not.toHaveProperty("patientId");
      expect(it).toMatchObject({ serumId: "srm-hyaluronic-acid", siteId: "harbour", zone: "CHEEKS" });
    }
    const trace = await api.gql<{
      sessionsByLot: { erasedApplications: number; edges: { node: { patient: { id: string } } }[] };
    }>(
      `{ sessionsByLot(serumId: "${toGlobalId("SerumAddOn", "srm-hyaluronic-acid")}", lotNumber: "hyal-2511") { erasedApplications edges { node { patient { id } } } } }`,
      {},
      api.users.mia,
    );
    expect(trace.errors, JSON.stringify(trace.errors)).toBeUndefined();
    expect(trace.data!.sessionsByLot.edges.map((e) => e.node.patient.id)).not.toContain(zelda.id);
    // A recall still counts them (a practitioner at the site too).
    expect(trace.data!.sessionsByLot.erasedApplications).toBe(2);
    const atHarbour = await api.gql<{ sessionsByLot: { erasedApplications: number } }>(
      `{ sessionsByLot(serumId: "${toGlobalId("SerumAddOn", "srm-hyaluronic-acid")}", lotNumber: "HYAL-2511") { erasedApplications } }`,
      {},
      api.users.ava,
    );
    expect(atHarbour.data!.sessionsByLot.erasedApplications).toBe(2);
  });

  it("erasing again answers ERASED and writes nothing", async () => {
    const before = await snapshotTable(api.db);
    const again = await erase(zelda.id, `${zelda.givenName} ${zelda.familyName}`);
    expect(again.errors).toBeUndefined();
    expect(again.data!.erasePatient.erasure.status).toBe("ERASED");
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("a long erasure answers ERASING with progress, and the analytics agree after every step", async () => {
    const mia = api.users.mia!;
    const name = `${xanthe.givenName} ${xanthe.familyName}`;
    const steps: PatientErasure[] = [];
    for (let i = 0; i < 40; i++) {
      const step = await Erasure.erasePatient(
        api.db,
        mia,
        local(xanthe),
        { confirmName: name, reason: REASON },
        {
          maxTransactions: 1,
          unitsPerTransaction: 1,
        },
      );
      steps.push(step);
      if (step.status === "ERASED") break;
      expect(step.remaining).toBeGreaterThan(0);
      await expectAnalyticsAgree(api, "glow", groupIds, { fitzpatrick: ["III"] });
    }
    // One unit per step: 2 concerns, 2 sessions, a plan, a consultation, 4 assessments, then the rest.
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.at(-1)!.status).toBe("ERASED");
    const done = steps.map((s) => Object.values(s.erased).reduce((a, n) => a + n, 0));
    for (let i = 1; i < done.length; i++) expect(done[i]).toBeGreaterThanOrEqual(done[i - 1]!);
    expect(await itemsHolding(identifiers(xanthe))).toEqual([]);
    await expectAnalyticsAgree(api, "glow", remaining(), { fitzpatrick: ["III", "II"] });
  });
});

/** A failure the SDK does not retry (a retryable one would be retried and succeed). */
function injected(): Error {
  return new DynamoDBServiceException({
    name: "ValidationException",
    $fault: "client",
    $metadata: { httpStatusCode: 400, requestId: "INJECTED" },
    message: "injected",
  });
}

describe("erasing a patient over several requests (a small request budget)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ requestBudget: 14 });
  }, 120_000);
  afterAll(async () => api?.stop());

  it("answers ERASING with growing progress until a call answers ERASED, as the portal calls it", async () => {
    const id = toGlobalId("Patient", "demo-glow-p01");
    const who = await api.gql<{ patient: { givenName: string; familyName: string } }>(
      `query($id: ID!) { patient(id: $id) { givenName familyName } }`,
      { id },
      api.users.mia,
    );
    const name = `${who.data!.patient.givenName} ${who.data!.patient.familyName}`;
    const seen: ErasureOut[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await api.gql<{ erasePatient: { erasure: ErasureOut } }>(
        ERASE,
        { id, name, reason: REASON },
        api.users.mia,
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      seen.push(r.data!.erasePatient.erasure);
      if (r.data!.erasePatient.erasure.status === "ERASED") break;
    }
    expect(seen.at(-1)!.status).toBe("ERASED");
    const erasing = seen.filter((e) => e.status === "ERASING");
    expect(erasing.length).toBeGreaterThan(0);
    for (const e of erasing) expect(e.progress.total).toBeGreaterThan(e.progress.done);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.progress.done).toBeGreaterThanOrEqual(seen[i - 1]!.progress.done);
    expect(seen.at(-1)!.progress.done).toBe(seen.at(-1)!.progress.total);
    const gone = await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id }, api.users.mia);
    expect(codes(gone)).toEqual(["NOT_FOUND"]);
  });
});
