import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetCounter } from "@needlework/store";
import { toGlobalId } from "@needlework/api";
import { codes, startTestApi, type GqlResult, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";

const FINDING = "code level reason source overridable";
const CONSULTATION = /* GraphQL */ `
  id version date cleared
  findings { ${FINDING} }
  unresolvedBlocks { code }
  overrides { code reason at by { id name } }
  practitioner { name }
  site { name }
  patient { givenName }
  answers { sunburn chemoOrRadiotherapyCurrent toxinDate }
  concerns { id indication bodyArea zones baselineScale baselineScore baselineLabel baselineOn status }
`;
const RECORD = /* GraphQL */ `
  mutation Record($patientId: ID!, $input: ConsultationInput!, $key: String) {
    recordConsultation(patientId: $patientId, input: $input, idempotencyKey: $key) { consultation { ${CONSULTATION} } }
  }
`;
const OVERRIDE = /* GraphQL */ `
  mutation Override($id: ID!, $version: Int!, $code: String!, $reason: String!) {
    overrideContraindication(consultationId: $id, version: $version, code: $code, reason: $reason) { consultation { ${CONSULTATION} } }
  }
`;
const SCREEN = /* GraphQL */ `
  query Screen($patientId: ID!, $answers: ScreeningAnswersInput!, $onDate: Date!, $zones: [Zone!]) {
    screenPatient(patientId: $patientId, answers: $answers, onDate: $onDate, zones: $zones) {
      findings { ${FINDING} } unresolvedBlocks { code } cleared unanswered
    }
  }
`;

interface Finding {
  code: string;
  level: "BLOCK" | "WARN";
  reason: string;
  source: string;
}
interface ConsultationOut {
  id: string;
  version: number;
  date: string;
  cleared: boolean;
  findings: Finding[];
  unresolvedBlocks: { code: string }[];
  overrides: { code: string; reason: string; at: string; by: { id: string; name: string } }[];
  practitioner: { name: string };
  site: { name: string };
  patient: { givenName: string };
  answers: { sunburn: boolean; chemoOrRadiotherapyCurrent: boolean; toxinDate: string | null };
  concerns: {
    id: string;
    indication: string;
    bodyArea: string;
    zones: string[];
    baselineScale: string;
    baselineScore: number;
    baselineLabel: string | null;
    baselineOn: string;
    status: string;
  }[];
}

const harbour = toGlobalId("Site", "harbour");
const riverside = toGlobalId("Site", "riverside");
const patient = (n: number, group = "glow") =>
  toGlobalId("Patient", `demo-${group}-p${String(n).padStart(2, "0")}`);
const GRACE = patient(4); // warfarin (anticoagulant), harbour
const HIRO = patient(5); // isotretinoin stopped 2026-08-15, harbour
const KEIRA = patient(8); // riverside
const TODAY = new Date().toISOString().slice(0, 10);

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
  zones: ["FOREHEAD", "PERIORBITAL"],
  baselineScale: "LEMPERLE",
  baselineScore: 3,
};
const input = (over: Record<string, unknown> = {}) => ({
  date: TODAY,
  siteId: harbour,
  concerns: [wrinkles],
  answers: noAnswers,
  ...over,
});

/** Items added since `before`: a refusal of patient data adds its audit entry and nothing else. */
const added = (before: string[], after: string[]): string[] => after.filter((i) => !before.includes(i));
const onlyAuditOf = (items: string[], outcome: string): boolean =>
  items.length > 0 && items.every((i) => i.includes("#AUDIT#") && i.includes(`"outcome":{"S":"${outcome}"}`));
const fieldPaths = (r: GqlResult<unknown>): string[] =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

describe("consultations and the contraindication screen through GraphQL", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("lists the screening questions in order", async () => {
    const r = await api.gql<{
      screeningQuestions: { key: string; kind: string; required: boolean; label: string }[];
    }>(`{ screeningQuestions { key kind required label } }`);
    expect(r.errors).toBeUndefined();
    const qs = r.data!.screeningQuestions;
    expect(qs[0]).toMatchObject({ key: "activeSkinInfection", kind: "BOOLEAN", required: true });
    expect(qs.find((q) => q.key === "toxinDate")).toMatchObject({ kind: "DATE", required: false });
  });

  it("screens a half-filled form in one BatchGetItem, writing nothing but the read's audit entry", async () => {
    const before = await snapshotTable(api.db);
    resetCounter(api.db);
    const r = await api.gql<{
      screenPatient: { findings: Finding[]; cleared: boolean; unanswered: string[] };
    }>(SCREEN, {
      patientId: GRACE,
      answers: { activeSkinInfection: false, sunburn: true },
      onDate: TODAY,
      zones: ["FOREHEAD"],
    });
    expect(r.errors).toBeUndefined();
    const s = r.data!.screenPatient;
    expect(s.cleared).toBe(false);
    expect(s.findings.map((f) => [f.code, f.level])).toEqual(
      expect.arrayContaining([
        ["ANTICOAGULANT", "BLOCK"],
        ["SUNBURN", "WARN"],
      ]),
    );
    expect(s.unanswered).toContain("pregnantOrBreastfeeding");
    expect(s.unanswered).not.toContain("sunburn");
    // The signed-in user's record, profile and settings together; the audit entry of the read.
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1, PutItem: 1 });
    const extra = added(before, await snapshotTable(api.db));
    expect(extra).toHaveLength(1);
    expect(onlyAuditOf(extra, "OK")).toBe(true);
  });

  let grace: ConsultationOut;

  it("records a consultation in one BatchGetItem and one transaction (consultation, concerns, audit)", async () => {
    resetCounter(api.db);
    const r = await api.gql<{ recordConsultation: { consultation: { id: string; cleared: boolean } } }>(
      `mutation($patientId: ID!, $input: ConsultationInput!) { recordConsultation(patientId: $patientId, input: $input) { consultation { id cleared } } }`,
      { patientId: HIRO, input: input() },
    );
    expect(r.errors).toBeUndefined();
    // The signed-in user's record, profile and settings together; one TransactWriteItems.
    expect(api.db.counter.byOperation).toEqual({ BatchGetItem: 1, TransactWriteItems: 1 });
  });

  it("records a consultation blocked by an anticoagulant", async () => {
    const r = await api.gql<{ recordConsultation: { consultation: ConsultationOut } }>(RECORD, {
      patientId: GRACE,
      input: input(),
    });
    expect(r.errors).toBeUndefined();
    grace = r.data!.recordConsultation.consultation;
    expect(grace).toMatchObject({
      version: 1,
      date: TODAY,
      cleared: false,
      practitioner: { name: "Ava Reid" },
      site: { name: "Harbour Street" },
      patient: { givenName: "Grace" },
    });
    expect(grace.answers).toEqual({ sunburn: false, chemoOrRadiotherapyCurrent: false, toxinDate: null });
    const anticoagulant = grace.findings.find((f) => f.code === "ANTICOAGULANT");
    expect(anticoagulant).toMatchObject({
      level: "BLOCK",
      source: "medication: Warfarin (anticoagulant) current",
    });
    expect(grace.unresolvedBlocks).toEqual([{ code: "ANTICOAGULANT" }]);
    expect(grace.concerns).toEqual([
      expect.objectContaining({
        indication: "WRINKLES",
        bodyArea: "FOREHEAD",
        zones: ["FOREHEAD", "PERIORBITAL"],
        baselineScale: "LEMPERLE",
        baselineScore: 3,
        baselineLabel: "Moderately deep wrinkle",
        baselineOn: TODAY,
        status: "ACTIVE",
      }),
    ]);
  });

  it("blocks isotretinoin stopped less than six months ago (clinic default), naming the first allowed day", async () => {
    const r = await api.gql<{ recordConsultation: { consultation: ConsultationOut } }>(RECORD, {
      patientId: HIRO,
      input: input({
        concerns: [
          {
            indication: "ACNE_SCARRING",
            bodyArea: "CHEEKS",
            baselineScale: "GOODMAN_BARON_QUALITATIVE",
            baselineScore: 3,
          },
        ],
      }),
    });
    expect(r.errors).toBeUndefined();
    const c = r.data!.recordConsultation.consultation;
    const iso = c.findings.find((f) => f.code === "ISOTRETINOIN")!;
    expect(iso.level).toBe("BLOCK");
    expect(iso.reason).toContain("earliest 2027-02-15");
    expect(iso.source).toContain("isotretinoinMonths=6");
    expect(c.cleared).toBe(false);
  });

  it("refuses an override without a reason or for a finding that is not there, and leaves the table as it was", async () => {
    const before = await snapshotTable(api.db);
    const blank = await api.gql(OVERRIDE, { id: grace.id, version: 1, code: "ANTICOAGULANT", reason: "   " });
    expect(codes(blank)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(blank)).toEqual(["override.reason"]);
    const missing = await api.gql(
      `mutation($id: ID!) { overrideContraindication(consultationId: $id, version: 1, code: "ANTICOAGULANT") { consultation { id } } }`,
      { id: grace.id },
    );
    expect(codes(missing)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const nothing = await api.gql(OVERRIDE, {
      id: grace.id,
      version: 1,
      code: "ISOTRETINOIN",
      reason: "Stopped long ago",
    });
    expect(codes(nothing)).toEqual(["BAD_USER_INPUT"]);
    expect(fieldPaths(nothing)).toEqual(["override.code"]);
    expect(await snapshotTable(api.db)).toEqual(before);
    const stale = await api.gql(OVERRIDE, {
      id: grace.id,
      version: 7,
      code: "ANTICOAGULANT",
      reason: "GP letter: INR stable, bruising discussed",
    });
    expect(codes(stale)).toEqual(["CONFLICT"]);
    // A stale write changes nothing at all.
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("overrides a BLOCK with a reason: who and when in the record, and the reason in the audit trail", async () => {
    const reason = "GP letter 2026-11-01: INR stable, bruising risk discussed, consent recorded";
    const r = await api.gql<{ overrideContraindication: { consultation: ConsultationOut } }>(OVERRIDE, {
      id: grace.id,
      version: 1,
      code: "ANTICOAGULANT",
      reason,
    });
    expect(r.errors).toBeUndefined();
    const c = r.data!.overrideContraindication.consultation;
    expect(c).toMatchObject({ version: 2, cleared: true, unresolvedBlocks: [] });
    expect(c.overrides).toHaveLength(1);
    expect(c.overrides[0]).toMatchObject({
      code: "ANTICOAGULANT",
      reason,
      by: { id: toGlobalId("User", "u-ava"), name: "Ava Reid" },
    });
    expect(Date.parse(c.overrides[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    // The finding stays in the record next to its override.
    expect(c.findings.map((f) => f.code)).toContain("ANTICOAGULANT");

    const again = await api.gql(OVERRIDE, { id: grace.id, version: 1, code: "ANTICOAGULANT", reason });
    expect(codes(again)).toEqual(["CONFLICT"]);

    const trail = await api.gql<{
      auditTrail: { edges: { node: { action: string; detail: string | null; userEmail: string } }[] };
    }>(
      `query($id: ID!) { auditTrail(patientId: $id, first: 50) { edges { node { action detail userEmail } } } }`,
      { id: GRACE },
      api.users.mia,
    );
    expect(trail.errors).toBeUndefined();
    const entry = trail
      .data!.auditTrail.edges.map((e) => e.node)
      .find((n) => n.action === "OVERRIDE_CONTRAINDICATION");
    expect(entry).toMatchObject({ userEmail: "ava.reid@glow.example" });
    expect(entry!.detail).toContain(reason);
    expect(trail.data!.auditTrail.edges.some((e) => e.node.action === "RECORD_CONSULTATION")).toBe(true);
  });

  it("reads the consultation and its concerns by global id, and the patient's concerns", async () => {
    const node = await api.gql<{ node: ConsultationOut }>(
      `query($id: ID!) { node(id: $id) { ... on Consultation { ${CONSULTATION} } } }`,
      { id: grace.id },
    );
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({ id: grace.id, version: 2, cleared: true });
    const concernId = grace.concerns[0]!.id;
    const concern = await api.gql<{
      node: { indication: string; consultation: { id: string }; patient: { givenName: string } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Concern { indication consultation { id } patient { givenName } } } }`,
      { id: concernId },
    );
    expect(concern.data?.node).toEqual({
      indication: "WRINKLES",
      consultation: { id: grace.id },
      patient: { givenName: "Grace" },
    });
    const list = await api.gql<{ patient: { concerns: { id: string }[] } }>(
      `query($id: ID!) { patient(id: $id) { concerns { id } } }`,
      { id: GRACE },
    );
    expect(list.data?.patient.concerns.map((c) => c.id)).toContain(concernId);
  });

  it("hides consultations of other sites and groups exactly like missing ones", async () => {
    const sam = await api.gql<{ recordConsultation: { consultation: ConsultationOut } }>(
      RECORD,
      { patientId: KEIRA, input: input({ siteId: riverside }) },
      api.users.sam,
    );
    expect(sam.errors).toBeUndefined();
    const keiraConsultation = sam.data!.recordConsultation.consultation;
    const byNode = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: keiraConsultation.id },
      api.users.ava,
    );
    const byOverride = await api.gql(
      OVERRIDE,
      {
        id: keiraConsultation.id,
        version: 1,
        code: "FITZPATRICK_PIH_RISK",
        reason: "Test patch healed evenly, no darkening",
      },
      api.users.ava,
    );
    const otherGroup = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: grace.id },
      api.users.zoe,
    );
    const missing = await api.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobalId("Consultation", `demo-glow-p04|${TODAY}|nope`) },
      api.users.ava,
    );
    expect([codes(byNode), codes(byOverride), codes(otherGroup), codes(missing)]).toEqual([
      ["NOT_FOUND"],
      ["NOT_FOUND"],
      ["NOT_FOUND"],
      ["NOT_FOUND"],
    ]);
    expect(byNode.errors![0]!.message).toBe(missing.errors![0]!.message);
    const before = await snapshotTable(api.db);
    const recordOther = await api.gql(
      RECORD,
      { patientId: KEIRA, input: input({ siteId: riverside }) },
      api.users.ava,
    );
    const recordOtherGroup = await api.gql(
      RECORD,
      { patientId: patient(1, "northside"), input: input() },
      api.users.ava,
    );
    expect([codes(recordOther), codes(recordOtherGroup)]).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
    // Ava may see Grace but does not work at Riverside: she cannot record a consultation there.
    const elsewhere = await api.gql(
      RECORD,
      { patientId: GRACE, input: input({ siteId: riverside }) },
      api.users.ava,
    );
    expect(codes(elsewhere)).toEqual(["FORBIDDEN"]);
    // Analysts see de-identified data only.
    const analyst = await api.gql(RECORD, { patientId: GRACE, input: input() }, api.users.leo);
    expect(codes(analyst)).toEqual(["FORBIDDEN"]);
    expect(await snapshotTable(api.db).then((after) => after.filter((i) => !i.includes("#AUDIT#")))).toEqual(
      before.filter((i) => !i.includes("#AUDIT#")),
    );
  });

  it("answers every bad input with the right code and field, and leaves the table exactly as it was", async () => {
    const before = await snapshotTable(api.db);
    const cases: [string, Record<string, unknown>, string, string[]][] = [
      [
        "scale that does not fit the concern",
        { patientId: GRACE, input: input({ concerns: [{ ...wrinkles, baselineScale: "HAIR_COUNT" }] }) },
        "BAD_USER_INPUT",
        ["concerns.0.baselineScale"],
      ],
      [
        "score off the scale",
        { patientId: GRACE, input: input({ concerns: [{ ...wrinkles, baselineScore: 7 }] }) },
        "BAD_USER_INPUT",
        ["concerns.0.baselineScore"],
      ],
      [
        "unanswered required question",
        { patientId: GRACE, input: input({ answers: { ...noAnswers, pregnantOrBreastfeeding: null } }) },
        "BAD_USER_INPUT",
        ["answers.pregnantOrBreastfeeding"],
      ],
      ["future date", { patientId: GRACE, input: input({ date: "2999-01-01" }) }, "BAD_USER_INPUT", ["date"]],
      ["no concerns", { patientId: GRACE, input: input({ concerns: [] }) }, "BAD_USER_INPUT", ["concerns"]],
      ["wrong id type", { patientId: harbour, input: input() }, "BAD_USER_INPUT", ["patientId"]],
      [
        "site id of the wrong type",
        { patientId: GRACE, input: input({ siteId: GRACE }) },
        "BAD_USER_INPUT",
        ["input.siteId"],
      ],
      [
        "unknown enum",
        { patientId: GRACE, input: input({ concerns: [{ ...wrinkles, indication: "ACNE" }] }) },
        "BAD_USER_INPUT",
        [],
      ],
      [
        "missing field",
        {
          patientId: GRACE,
          input: input({
            concerns: [{ indication: "WRINKLES", bodyArea: "FOREHEAD", baselineScale: "LEMPERLE" }],
          }),
        },
        "BAD_USER_INPUT",
        [],
      ],
      ["not a date", { patientId: GRACE, input: input({ date: "2026-02-30" }) }, "BAD_USER_INPUT", []],
    ];
    for (const [name, vars, code, paths] of cases) {
      const r = await api.gql(RECORD, vars);
      expect(codes(r), name).toEqual([code]);
      if (paths.length) expect(fieldPaths(r), name).toEqual(paths);
    }
    expect(await snapshotTable(api.db)).toEqual(before);
  });

  it("replays an idempotent record and writes nothing the second time", async () => {
    const key = "consult-grace-0001";
    const a = await api.gql<{ recordConsultation: { consultation: { id: string } } }>(RECORD, {
      patientId: GRACE,
      input: input(),
      key,
    });
    const before = await snapshotTable(api.db);
    const b = await api.gql<{ recordConsultation: { consultation: { id: string } } }>(RECORD, {
      patientId: GRACE,
      input: input(),
      key,
    });
    expect(b.data?.recordConsultation.consultation.id).toBe(a.data?.recordConsultation.consultation.id);
    expect(await snapshotTable(api.db)).toEqual(before);
  });
});
