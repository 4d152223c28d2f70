import { parse, validate, type GraphQLSchema } from "graphql";
import type { Principal } from "@needlework/core";
import type { Figures } from "../figures";
import type { BenchStack } from "../stack";
import type { CountedCall } from "../journey";
import { portalOperations, RECORDED_OPERATIONS, SCREENS, type Screen, type ScreenContext } from "../screens";

/**
 * DynamoDB requests per portal screen and per main API operation, counted by the API's client
 * middleware, against the fewest possible. Queries are sent once to warm up and counted on the
 * second visit (the steady state); mutations are counted on their one call.
 */
export interface ResolvedOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  source: "portal" | "bench";
}

export const REQUESTS_SECTION =
  "DynamoDB requests per screen and operation: count (by operation) / fewest possible";

/** Portal operations some entry asked for (the rest are listed as not benchmarked yet). */
const portalNamesUsed = new Set<string>();

/** Whether the schema has "Type.field". */
export function hasField(schema: GraphQLSchema, path: string): boolean {
  const [type, field] = path.split(".");
  const t =
    type === "Query"
      ? schema.getQueryType()
      : type === "Mutation"
        ? schema.getMutationType()
        : schema.getType(type ?? "");
  return !!t && "getFields" in t && field !== undefined && field in t.getFields();
}

/** The operations of one visit, as sent, or why this run cannot measure the screen. */
export async function resolveScreen(
  screen: Screen,
  schema: GraphQLSchema,
  ctx: ScreenContext,
): Promise<ResolvedOperation[] | { skip: string }> {
  const missing = screen.needs.filter((n) => !hasField(schema, n));
  if (missing.length > 0) return { skip: `the API has no ${missing.join(", ")} yet` };
  const prepared = await screen.prepare(ctx);
  if ("skip" in prepared) return prepared;
  const portal = portalOperations();
  const ops: ResolvedOperation[] = [];
  for (const op of prepared) {
    if (op.portal) portalNamesUsed.add(op.portal);
    const fromPortal = op.portal ? portal.get(op.portal) : undefined;
    const query = fromPortal ?? op.query;
    if (!query)
      return { skip: `the portal has no ${op.portal ?? "such"} operation and the entry gives no query` };
    const errors = validate(schema, parse(query));
    if (errors.length > 0)
      return { skip: `${op.portal ?? "query"} does not validate: ${errors[0]!.message}` };
    ops.push({
      name: op.portal ?? "query",
      query,
      variables: op.variables,
      source: fromPortal ? "portal" : "bench",
    });
  }
  return ops;
}

/** Sends one visit's operations; throws on a GraphQL error (a broken screen is not a measurement). */
export async function visit(
  stack: BenchStack,
  ops: readonly ResolvedOperation[],
  as: Principal,
): Promise<number> {
  let ms = 0;
  for (const op of ops) {
    const res = await stack.gql(op.query, op.variables, as);
    ms += res.ms;
    if (res.errors?.length) {
      const e = res.errors[0]!;
      const code = e.extensions?.code;
      throw new Error(`${op.name} answered ${typeof code === "string" ? code : "an error"}: ${e.message}`);
    }
  }
  return ms;
}

const breakdown = (byOp: Record<string, number>): string =>
  Object.entries(byOp)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([op, n]) => `${op} ${n}`)
    .join(", ");

export async function measureRequests(
  stack: BenchStack,
  schema: GraphQLSchema,
  ctx: ScreenContext,
  figures: Figures,
  skipped: Record<string, string>,
  notes: Record<string, string>,
  recorded: readonly CountedCall[],
  onStep: (label: string) => void,
): Promise<void> {
  const section = REQUESTS_SECTION;
  for (const screen of SCREENS) {
    onStep(screen.label);
    const resolved = await resolveScreen(screen, schema, ctx);
    if ("skip" in resolved) {
      skipped[`requests.${screen.id}`] = resolved.skip;
      continue;
    }
    const as = screen.as(ctx);
    try {
      if (screen.kind === "screen") await visit(stack, resolved, as);
      const { total, byOperation } = await stack.count(() => visit(stack, resolved, as));
      const sources = [...new Set(resolved.map((o) => o.source))].join("+");
      figures.add(section, `requests.${screen.id}.count`, `${screen.label}: requests`, total, "", {
        note: `${resolved.map((o) => o.name).join(" + ")} (${sources} operation); ${breakdown(byOperation)}; fewest possible ${screen.minimum}: ${screen.why}`,
        jsonOnly: true,
      });
      figures.add(
        section,
        `requests.${screen.id}.ratio`,
        `${screen.label}: ${total} (${breakdown(byOperation)}) / ${screen.minimum}`,
        total / screen.minimum,
        "×",
        {
          target: { op: "<=", value: 1 },
        },
      );
    } catch (e) {
      skipped[`requests.${screen.id}`] = e instanceof Error ? e.message : String(e);
    }
  }
  for (const [operation, m] of Object.entries(RECORDED_OPERATIONS)) {
    const c = recorded.find((r) => r.operation === operation);
    if (!c) {
      skipped[`requests.${operation}`] = "not recorded by the fixture (see bench/journey.ts)";
      continue;
    }
    figures.add(section, `requests.${operation}.count`, `${operation}: requests`, c.requests, "", {
      note: `first call while recording the fixture; ${breakdown(c.byOperation)}; fewest possible ${m.minimum}: ${m.why}`,
      jsonOnly: true,
    });
    figures.add(
      section,
      `requests.${operation}.ratio`,
      `${operation}: ${c.requests} (${breakdown(c.byOperation)}) / ${m.minimum}`,
      c.requests / m.minimum,
      "×",
      {
        target: { op: "<=", value: 1 },
      },
    );
  }
  // The writes the fixture records are measured with the same mutations the portal sends.
  for (const op of Object.keys(RECORDED_OPERATIONS)) portalNamesUsed.add(op[0]!.toUpperCase() + op.slice(1));
  const uncovered = [...portalOperations().keys()].filter((n) => !portalNamesUsed.has(n));
  if (uncovered.length > 0)
    notes["requests.portalOperationsWithoutEntry"] =
      `no entry in bench/screens.ts yet: ${uncovered.join(", ")}`;
}
