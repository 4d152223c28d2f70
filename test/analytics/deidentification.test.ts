import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Deidentify, Kpi } from "@needlework/core";
import { Keys } from "@needlework/store";
import { demoGroups } from "@needlework/store/local";
import { parseGlobalId } from "@needlework/api";
import { typeDefs } from "../../packages/api/src/generated/sdl";
import { startTestApi, type TestApi } from "../support/api";
import { readCollections, recordCohort, type CreatedPatient, type Raw } from "./cohort";

/**
 * Every field of every analyst result (outcome records, summaries by every dimension, the concern ×
 * depth matrix, KPIs, every CSV chunk), selected from the schema itself so a field added later is
 * walked too, holds no name, email, phone number, date of birth or patient id of any seeded or
 * created patient, and no date finer than a month. The cohort's free-text notes deliberately carry
 * those details, so a leak of any note would show.
 */

/** A selection of every field of a type, recursively (fields with required arguments are skipped). */
function selectAll(schema: GraphQLSchema, type: GraphQLObjectType, depth = 0): string {
  if (depth > 6) return "__typename";
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  return fields
    .filter((f) => f.args.every((a) => a.defaultValue !== undefined || !String(a.type).endsWith("!")))
    .map((f) => {
      const named = getNamedType(f.type);
      if (isScalarType(named) || isEnumType(named)) return f.name;
      if (isObjectType(named)) return `${f.name} { ${selectAll(schema, named, depth + 1)} }`;
      return `${f.name} { __typename }`;
    })
    .join(" ");
}

function rootSelection(schema: GraphQLSchema, field: string): string {
  const f = schema.getQueryType()!.getFields()[field]!;
  const named = getNamedType(f.type);
  return isObjectType(named) ? `{ ${selectAll(schema, named)} }` : "";
}

/** Every string (and number) in a JSON value, with its path. */
function leaves(v: unknown, path = "$"): { path: string; value: string }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v !== null && typeof v === "object")
    return Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}.${k}`));
  if (typeof v === "string" || typeof v === "number") return [{ path, value: String(v) }];
  return [];
}

interface Identifying {
  patient: string;
  needle: string;
  kind: string;
}

function identifiersOf(patients: readonly (CreatedPatient & { localId: string })[]): Identifying[] {
  const out: Identifying[] = [];
  for (const p of patients) {
    const who = `${p.givenName} ${p.familyName}`;
    out.push({ patient: who, kind: "given name", needle: p.givenName.toLowerCase() });
    out.push({ patient: who, kind: "family name", needle: p.familyName.toLowerCase() });
    out.push({ patient: who, kind: "date of birth", needle: p.dateOfBirth });
    out.push({ patient: who, kind: "date of birth", needle: p.dateOfBirth.split("-").reverse().join("/") });
    out.push({ patient: who, kind: "patient id", needle: p.localId.toLowerCase() });
    if (p.email) out.push({ patient: who, kind: "email", needle: p.email.toLowerCase() });
    if (p.phone) {
      out.push({ patient: who, kind: "phone", needle: p.phone.toLowerCase() });
      out.push({ patient: who, kind: "phone digits", needle: p.phone.replace(/\D/g, "").slice(-9) });
    }
  }
  return out;
}

/**
 * The product's own fixed wording (KPI names, units and definitions) is not patient data: a seeded
 * patient called Grace would otherwise "leak" through "the clinic's grace days". It is removed before
 * matching; everything else is matched as a case-insensitive substring.
 */
const PRODUCT_TEXT = Object.values(Kpi.KPI_DEFINITIONS).flatMap((d) => [d.name, d.unit, d.definition]);

function findLeaks(result: unknown, ids: readonly Identifying[], label: string): string[] {
  const leaks: string[] = [];
  for (const { path, value } of leaves(result)) {
    if (PRODUCT_TEXT.includes(value)) continue;
    const v = value.toLowerCase();
    const digits = value.replace(/\D/g, "");
    for (const id of ids) {
      const hit = id.kind === "phone digits" ? digits.includes(id.needle) : v.includes(id.needle);
      if (hit) leaks.push(`${label} ${path}: ${id.kind} of ${id.patient}`);
    }
  }
  return leaks;
}

const FULL_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

describe("de-identification: analyst results name no patient", () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let identifying: Identifying[];
  let created: CreatedPatient[];
  let raw: Raw;
  /** Concerns with a session or a score have an outcome record; their patients a key. */
  const expectedRecords = () =>
    raw.concerns.filter(
      (c) =>
        raw.sessions.some((s) => (s.concernIds as string[]).includes(String(c.id))) ||
        raw.assessments.some((a) => a.concernId === c.id),
    );
  const results: { label: string; data: unknown }[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    schema = buildSchema(typeDefs);
    created = await recordCohort(api);
    const seeded = demoGroups().flatMap((g) =>
      g.patients.map((p) => ({
        id: p.id,
        localId: p.id,
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth,
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
      })),
    );
    raw = await readCollections(api, "glow", [
      ...demoGroups()[0]!.patients.map((p) => p.id),
      ...created.map((p) => parseGlobalId(p.id)!.localId),
    ]);
    identifying = identifiersOf([
      ...seeded,
      ...created.map((p) => ({ ...p, localId: parseGlobalId(p.id)!.localId })),
    ]);
    expect(identifying.length).toBeGreaterThan(60);

    // Collect every analyst result, as the analyst and as the clinic admin.
    const run = async (label: string, query: string, variables: Record<string, unknown> = {}) => {
      for (const who of [api.users.leo!, api.users.mia!]) {
        const r = await api.gql(query, variables, who);
        expect(r.errors, `${label}: ${JSON.stringify(r.errors)}`).toBeUndefined();
        results.push({ label: `${label} as ${who.role}`, data: r.data });
      }
    };
    let after: string | null = null;
    do {
      const page: {
        data?: { outcomeRecords: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } } | null;
      } = await api.gql(
        `query($after: String) { outcomeRecords(first: 2, after: $after) ${rootSelection(schema, "outcomeRecords")} }`,
        { after },
        api.users.leo,
      );
      results.push({ label: "outcomeRecords page", data: page.data });
      after = page.data?.outcomeRecords.pageInfo.hasNextPage
        ? page.data.outcomeRecords.pageInfo.endCursor
        : null;
    } while (after);
    await run(
      "outcomeRecords (filtered)",
      `{ outcomeRecords(first: 10, filter: { indication: ACNE_SCARRING }) ${rootSelection(schema, "outcomeRecords")} }`,
    );
    for (const g of ["CONCERN", "DEPTH_BAND", "SERUM", "DEVICE", "FITZPATRICK", "SITE", "PRACTITIONER"])
      await run(
        `outcomeSummary ${g}`,
        `{ outcomeSummary(groupBy: ${g}) ${rootSelection(schema, "outcomeSummary")} }`,
      );
    await run("concernDepthMatrix", `{ concernDepthMatrix ${rootSelection(schema, "concernDepthMatrix")} }`);
    await run("kpis", `{ kpis ${rootSelection(schema, "kpis")} }`);
    await run(
      "kpis (filtered)",
      `{ kpis(filter: { fitzpatrick: II, device: PEN }) ${rootSelection(schema, "kpis")} }`,
    );
    after = null;
    do {
      const chunk: { data?: { outcomeExport: { endCursor: string | null; hasNextPage: boolean } } | null } =
        await api.gql(
          `query($after: String) { outcomeExport(after: $after, rows: 2) ${rootSelection(schema, "outcomeExport")} }`,
          { after },
          api.users.leo,
        );
      results.push({ label: "outcomeExport chunk", data: chunk.data });
      after = chunk.data?.outcomeExport.hasNextPage ? chunk.data.outcomeExport.endCursor : null;
    } while (after);
  }, 180_000);
  afterAll(async () => api?.stop());

  it("selects every field of every analyst result type (the walk covers the schema)", () => {
    for (const field of ["outcomeRecords", "outcomeSummary", "concernDepthMatrix", "kpis", "outcomeExport"]) {
      expect(rootSelection(schema, field).length, field).toBeGreaterThan(20);
    }
    expect(rootSelection(schema, "outcomeRecords")).toContain("patientKey");
    expect(rootSelection(schema, "outcomeRecords")).toContain("adverseEvents { type severity }");
  });

  it("finds no name, email, phone number, date of birth or patient id in any result", () => {
    expect(results.length).toBeGreaterThan(20);
    const leaks = results.flatMap((r) => findLeaks(r.data, identifying, r.label));
    expect(leaks).toEqual([]);
  });

  it("the walk does find them where they are: the cohort's notes and the patient records (a check of the check)", async () => {
    const r = await api.gql(
      `query($id: ID!) { patient(id: $id) { givenName familyName email phone dateOfBirth } }`,
      { id: created[0]!.id },
      api.users.ava,
    );
    expect(findLeaks(r.data, identifying, "patient").length).toBeGreaterThanOrEqual(4);
  });

  it("rows carry months, never full dates, except the KPI report's own date", () => {
    const offending = results.flatMap((r) =>
      leaves(r.data)
        .filter(({ path, value }) => FULL_DATE.test(value) && !path.endsWith(".asOf"))
        .map(({ path, value }) => `${r.label} ${path}: ${value}`),
    );
    expect(offending).toEqual([]);
  });

  it("records: age bands (over 89 grouped), pseudonymous keys stable per patient and not the patient id", async () => {
    const page = await api.gql<{
      outcomeRecords: {
        edges: {
          node: {
            patientKey: string;
            ageBand: string;
            indication: string;
            fitzpatrick: string | null;
            site: { name: string };
          };
        }[];
      };
    }>(
      `{ outcomeRecords(first: 100) { edges { node { patientKey ageBand indication fitzpatrick site { name } } } } }`,
      {},
      api.users.leo,
    );
    const rows = page.data!.outcomeRecords.edges.map((e) => e.node);
    // One row per concern with a session or a score (the cohort's untreated patient has none yet).
    const expected = expectedRecords();
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.patientKey)).size).toBe(new Set(expected.map((c) => c.patientId)).size);
    // Zelda, born 1931: over 89 at the start of treatment.
    expect(
      rows.filter((r) => r.ageBand === "90+" && r.indication === "ACNE_SCARRING" && r.fitzpatrick === "II"),
    ).toHaveLength(1);
    // Xanthe's two concerns: one key.
    const xanthe = rows.find(
      (r) => r.indication === "WRINKLES" && r.fitzpatrick === "III" && r.ageBand === "30–39",
    )!;
    expect(
      rows
        .filter((r) => r.patientKey === xanthe.patientKey)
        .map((r) => r.indication)
        .sort(),
    ).toEqual(["ACNE_SCARRING", "WRINKLES"]);
    for (const r of rows) expect(r.patientKey).toMatch(/^[0-9a-f]{64}$/);
    // The key is the group's keyed hash: without the secret it cannot be recomputed from the id.
    const ids = created.map((p) => parseGlobalId(p.id)!.localId);
    for (const id of ids)
      for (const r of rows) expect(r.patientKey).not.toBe(Deidentify.pseudonymousKey("x".repeat(16), id));
  });

  it("the stored outcome items and every cursor hold no patient id either", async () => {
    const res = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": Keys.outcomeRecord("glow", "").pk },
      }),
    );
    expect(res.Items?.length).toBe(expectedRecords().length);
    expect(findLeaks(res.Items, identifying, "stored outcome item")).toEqual([]);
    const cursors = results.flatMap((r) =>
      leaves(r.data)
        .filter(({ path }) => /cursor/i.test(path))
        .map(({ value }) => Buffer.from(value, "base64url").toString("utf8")),
    );
    expect(cursors.length).toBeGreaterThan(3);
    expect(findLeaks(cursors, identifying, "cursor")).toEqual([]);
  });

  it("the CSV export: a header and one line per record across chunks, with progress up to the total", () => {
    const chunks = results
      .filter((r) => r.label === "outcomeExport chunk")
      .map(
        (r) =>
          (
            r.data as {
              outcomeExport: { csv: string; rows: number; progress: { done: number; total: number | null } };
            }
          ).outcomeExport,
      );
    const n = expectedRecords().length;
    expect(chunks.length).toBe(Math.ceil(n / 2));
    const csv = chunks.map((c) => c.csv).join("");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^record_id,patient_key,age_band,fitzpatrick,site,indication/);
    expect(lines).toHaveLength(n + 1);
    expect(chunks.map((c) => c.progress.done)).toEqual(chunks.map((_, i) => Math.min(n, (i + 1) * 2)));
    expect(chunks.every((c) => c.progress.total === n)).toBe(true);
  });

  it("another group's admin sees none of it: no shared record or patient key, a glow cursor refused", async () => {
    const SELECT = `{ outcomeRecords(first: 100) { edges { node { id patientKey } } } kpis { plansCounted } }`;
    type Out = {
      outcomeRecords: { edges: { node: { id: string; patientKey: string } }[] };
      kpis: { plansCounted: number };
    };
    const glow = await api.gql<Out>(SELECT, {}, api.users.leo);
    const north = await api.gql<Out>(SELECT, {}, api.users.ian);
    expect(glow.errors).toBeUndefined();
    expect(north.errors).toBeUndefined();
    const ids = (r: typeof glow) => r.data!.outcomeRecords.edges.map((e) => e.node);
    const glowIds = new Set(ids(glow).flatMap((n) => [n.id, n.patientKey]));
    expect(ids(north).filter((n) => glowIds.has(n.id) || glowIds.has(n.patientKey))).toEqual([]);
    expect(north.data!.kpis.plansCounted).toBeLessThan(glow.data!.kpis.plansCounted);
    const glowCursor = (
      results.find((x) => x.label === "outcomeRecords page")!.data as {
        outcomeRecords: { pageInfo: { endCursor: string } };
      }
    ).outcomeRecords.pageInfo.endCursor;
    const crossed = await api.gql(
      `query($a: String) { outcomeRecords(first: 2, after: $a) { edges { cursor } } }`,
      { a: glowCursor },
      api.users.ian,
    );
    expect(crossed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
