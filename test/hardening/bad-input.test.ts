import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  buildSchema as buildSdlSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { buildSchema, toGlobalId } from "@needlework/api";
import type { Principal } from "@needlework/core";
import { typeDefs } from "../../packages/api/src/generated/sdl";
import { codes, startTestApi, type TestApi } from "../support/api";
import { harbour, newPatient, writeCases } from "./cases";
import { changeSignature, dataWrites, printCounts, snapshot } from "./support";

/**
 * Bad input generated from the SDL. For every mutation that has a resolver, start from a baseline
 * (a valid input where we have one, otherwise one made up from the types), make one value invalid
 * (wrong type, out of range, unknown enum value, missing or null where required, oversized string or
 * list, impossible date, unknown field), send it as a variable or written inline, and require a typed
 * error, never INTERNAL_SERVER_ERROR, and no data written.
 */
const RUNS = Number(process.env.HARDENING_RUNS ?? 60);
const SEED = Number(process.env.HARDENING_SEED ?? 20260708);
const TYPED = new Set([
  "BAD_USER_INPUT",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "NOT_FOUND",
  "FORBIDDEN",
  "CONFLICT",
  "CONTRAINDICATED",
]);
/** Mutations of clinic administrators; the rest run as a practitioner. */
const ADMIN_MUTATIONS = new Set([
  "createSite",
  "updateSite",
  "inviteUser",
  "updateUser",
  "deactivateUser",
  "reactivateUser",
  "updateProtocol",
  "updateClinicSettings",
  "createSerum",
  "updateSerum",
  "addSerumLot",
  "erasePatient",
]);

type Path = (string | number)[];
type Vars = Record<string, unknown>;
type Bad = { value: unknown } | { missing: true };

/** The SDL in this test's own graphql module (the API's executable schema lives in another realm). */
const sdl: GraphQLSchema = buildSdlSchema(typeDefs);

// ---- baselines --------------------------------------------------------------------------------

function plausible(type: GraphQLInputType, name: string, ids: (name: string) => string): unknown {
  if (isNonNullType(type)) return plausible(type.ofType, name, ids);
  if (isListType(type)) return [plausible(type.ofType, name, ids)];
  if (isInputObjectType(type)) {
    const out: Vars = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = plausible(f.type, f.name, ids);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]?.name;
  switch (type.name) {
    case "Int":
      return 1;
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "ID":
      return ids(name);
    case "Date":
      return "2025-01-15";
    case "DateTime":
      return "2025-01-15T10:00:00Z";
    default:
      return /email/i.test(name) ? "prop.test@example.com" : `Prop ${name}`;
  }
}

interface Fixture {
  patientId: string;
}

async function baselineOf(
  api: TestApi,
  field: string,
  args: readonly GraphQLArgument[],
  fx: Fixture,
): Promise<Vars> {
  const ids = (name: string) =>
    /site/i.test(name) ? harbour : /patient/i.test(name) ? fx.patientId : toGlobalId("Thing", "prop-missing");
  const generic: Vars = {};
  for (const a of args) if (isNonNullType(a.type)) generic[a.name] = plausible(a.type, a.name, ids);
  // A mutation the fault suite drives has a valid input already: use it (its `key` is `idempotencyKey`).
  const known = writeCases.find((c) => c.field === field);
  if (known) {
    const { key, ...vars } = await known.prepare(api, 900 + writeCases.indexOf(known));
    return key === undefined ? vars : { ...vars, idempotencyKey: key };
  }
  return generic;
}

// ---- invalid values -------------------------------------------------------------------------------

/** Invalid replacements for a value of this type, each labelled with the rule it breaks. */
function badOptions(
  type: GraphQLInputType,
  current: unknown,
  hasDefault: boolean,
): { bad: Bad; label: string }[] {
  const out: { bad: Bad; label: string }[] = [];
  if (isNonNullType(type)) {
    out.push({ bad: { value: null }, label: "null for non-null" });
    if (!hasDefault) out.push({ bad: { missing: true }, label: "missing required" });
    type = type.ofType;
  }
  if (isListType(type)) {
    const one: unknown = Array.isArray(current) && current.length > 0 ? (current as unknown[])[0] : undefined;
    out.push({ bad: { value: Array.from({ length: 101 }, () => one ?? "x") }, label: "list over the cap" });
    if (isNonNullType(type.ofType)) out.push({ bad: { value: [null] }, label: "null list item" });
    return out;
  }
  if (isInputObjectType(type)) {
    const base = current && typeof current === "object" ? current : {};
    out.push({ bad: { value: "an object was expected" }, label: "string for object" });
    out.push({ bad: { value: 42 }, label: "number for object" });
    out.push({ bad: { value: { ...base, notAField: 1 } }, label: "unknown field" });
    return out;
  }
  if (isEnumType(type)) {
    const first = type.getValues()[0]?.name ?? "X";
    out.push({ bad: { value: "NOT_A_VALUE" }, label: "unknown enum value" });
    out.push({
      bad: { value: first.toLowerCase() === first ? `${first}_X` : first.toLowerCase() },
      label: "enum value in the wrong case",
    });
    out.push({ bad: { value: 3 }, label: "number for enum" });
    return out;
  }
  const add = (label: string, ...values: unknown[]) =>
    values.forEach((value) => out.push({ bad: { value }, label }));
  switch (type.name) {
    case "Int":
      add("wrong type for Int", "12", true, 1.5, { n: 1 });
      add("Int out of 32-bit range", 2 ** 31, -(2 ** 31) - 1);
      add("out-of-range Int", -1, 1_000_000);
      break;
    case "Float":
      add("wrong type for Float", "1.5", false, [1]);
      add("out-of-range Float", -1e9, 1e9);
      break;
    case "Boolean":
      add("wrong type for Boolean", "true", 0, null === current ? 1 : "no");
      break;
    case "ID":
      add("wrong type for ID", true, 1.5, { id: "x" }, ["a", "b"]);
      add("malformed id", "", "not an id!", "x".repeat(600));
      break;
    case "Date":
      add("impossible date", "2025-02-30", "2025-13-01", "0000-00-00");
      add("malformed date", "01/02/2025", "yesterday", "", 20250101, "2025-01-01T00:00:00Z");
      break;
    case "DateTime":
      add("malformed instant", "2025-01-01", "yesterday", 0, "2025-01-01 10:00");
      break;
    default:
      add("wrong type for String", 42, true, { s: "x" }, ["a", "b"]);
      add("oversized string", "x".repeat(20_000));
  }
  return out;
}

/** Every place in the arguments a value can go: present ones and absent optional ones, 4 levels deep. */
function places(
  args: readonly GraphQLArgument[],
  baseline: Vars,
): { path: Path; type: GraphQLInputType; hasDefault: boolean }[] {
  const out: { path: Path; type: GraphQLInputType; hasDefault: boolean }[] = [];
  const walk = (type: GraphQLInputType, value: unknown, path: Path, hasDefault: boolean) => {
    out.push({ path, type, hasDefault });
    if (path.length > 4) return;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value) && value.length > 0)
      walk(inner.ofType, value[0], [...path, 0], false);
    if (isInputObjectType(inner)) {
      const obj = value && typeof value === "object" ? (value as Vars) : {};
      for (const f of Object.values(inner.getFields()))
        walk(f.type, obj[f.name], [...path, f.name], f.defaultValue !== undefined);
    }
  };
  for (const a of args) walk(a.type, baseline[a.name], [a.name], a.defaultValue !== undefined);
  return out;
}

function withValue(vars: Vars, path: Path, bad: Bad): Vars {
  const root = structuredClone(vars);
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if ("missing" in bad) delete node[last];
  else node[last] = bad.value;
  return root;
}

// ---- sending ----------------------------------------------------------------------------------------

/** A JSON value written as a GraphQL literal; strings at enum positions become enum names. */
function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : undefined)).join(", ")}]`;
  if (typeof value === "object") {
    const fields = inner && isInputObjectType(inner) ? inner.getFields() : {};
    return `{${Object.entries(value as Vars)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`)
      .join(", ")}}`;
  }
  if (typeof value === "string" && inner && isEnumType(inner) && /^[_A-Za-z]\w*$/.test(value)) return value;
  return JSON.stringify(value);
}

function operation(
  field: string,
  args: readonly GraphQLArgument[],
  vars: Vars,
  inline: boolean,
): { query: string; variables: Vars } {
  if (inline) {
    const given = args.filter((a) => a.name in vars);
    const list = given.map((a) => `${a.name}: ${literal(vars[a.name], a.type)}`).join(", ");
    return { query: `mutation { ${field}${list ? `(${list})` : ""} { __typename } }`, variables: {} };
  }
  const defs = args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return {
    query: `mutation${defs ? `(${defs})` : ""} { ${field}${uses ? `(${uses})` : ""} { __typename } }`,
    variables: vars,
  };
}

describe("bad input generated from the SDL", () => {
  let api: TestApi;
  let fx: Fixture;
  const tally = { tried: 0, rejected: 0, partialWrites: 0, internalErrors: 0, mutations: 0 };
  const byCode: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  const pending: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    fx = { patientId: await newPatient(api, "PropFixture") };
  });
  afterAll(async () => {
    printCounts("bad input (property-based)", {
      ...tally,
      runsPerMutation: RUNS,
      seed: SEED,
      rules: Object.entries(byRule)
        .map(([rule, n]) => `${rule.replace(/ /g, "_")}:${n}`)
        .join(","),
      codes:
        Object.entries(byCode)
          .map(([c, n]) => `${c}:${n}`)
          .join(",") || "none",
      pendingResolvers: pending.join(",") || "none",
    });
    await api?.stop();
  });

  const executable = buildSchema().getMutationType()?.getFields() ?? {};
  const mutations = Object.values(sdl.getMutationType()?.getFields() ?? {}).filter(
    (f) => !f.name.startsWith("_"),
  );

  for (const m of mutations) {
    it(`${m.name}: every invalid input gets a typed error and writes nothing`, async () => {
      if (typeof executable[m.name]?.resolve !== "function") {
        pending.push(m.name); // in the SDL, resolver not landed yet: nothing to attack
        return;
      }
      tally.mutations += 1;
      const as: Principal =
        writeCases.find((c) => c.field === m.name)?.as?.(api) ??
        (ADMIN_MUTATIONS.has(m.name) ? api.users.mia! : api.users.ava!);
      const baseline = await baselineOf(api, m.name, m.args, fx);
      const spots = places(m.args, baseline).flatMap((p) => {
        const current = p.path.reduce<unknown>(
          (v, k) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined),
          baseline,
        );
        return badOptions(p.type, current, p.hasDefault).map((o) => ({ ...p, ...o }));
      });
      expect(spots.length).toBeGreaterThan(0);
      const before = await snapshot(api.db);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...spots), fc.boolean(), async (spot, inline) => {
          // Missing and null values cannot be written inline in a way that differs from the variable case.
          const useInline = inline && !("missing" in spot.bad);
          const vars = withValue(baseline, spot.path, spot.bad);
          const { query, variables } = operation(m.name, m.args, vars, useInline);
          const r = await api.gql(query, variables, as);
          tally.tried += 1;
          byRule[spot.label] = (byRule[spot.label] ?? 0) + 1;
          const got = codes(r).map(String);
          for (const c of got) byCode[c] = (byCode[c] ?? 0) + 1;
          if (got.includes("INTERNAL_SERVER_ERROR")) tally.internalErrors += 1;
          const where = `${m.name} ${spot.path.join(".")} (${spot.label}, ${useInline ? "inline" : "variable"})`;
          expect(got.length, `${where} was accepted`).toBeGreaterThan(0);
          expect(
            got.every((c) => TYPED.has(c)),
            `${where}: ${JSON.stringify(r.errors)}`,
          ).toBe(true);
          tally.rejected += 1;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      const writes = dataWrites(changeSignature(before, await snapshot(api.db)));
      tally.partialWrites += writes.length;
      expect(writes, `${m.name} wrote data for an invalid input`).toEqual([]);
    });
  }
});
