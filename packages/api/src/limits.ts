import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, visit, type DocumentNode, type ValidationRule } from "graphql";
import { PAGE_MAX } from "@needlework/store";

/**
 * Every abuse limit of the API, in one place, with its default. `createApolloServer` takes overrides
 * (`limits`), the Lambda reads them from the environment (`limitsFromEnv`).
 */
export interface GraphQLLimits {
  /** Nesting of selections, leaf fields included. */
  maxDepth: number;
  /**
   * graphql-armor's static cost, made linear (objects 2, scalars 1, no extra factor per level: depth
   * has its own limit), times `first`/`last` where written inline: roughly the fields resolved if
   * every such list were full. The portal's heaviest operation, the patient record with
   * `timeline(first: 100)` written inline, costs 10 539.
   */
  maxCost: number;
  /** Aliased fields per operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Lexical tokens per document, counted by graphql's own parser before anything else. */
  maxTokens: number;
  /** `first` / `last` of any field, and the length of any list in the arguments or variables. */
  maxListSize: number;
  /** Request body, in bytes (local server; API Gateway caps the deployed one). */
  maxBodyBytes: number;
  /** DynamoDB calls one request may make. */
  requestBudget: number;
}

export const DEFAULT_LIMITS: Readonly<GraphQLLimits> = Object.freeze({
  maxDepth: 10,
  maxCost: 25_000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxListSize: PAGE_MAX,
  maxBodyBytes: 256 * 1024,
  requestBudget: 60,
});

export function resolveLimits(overrides: Partial<GraphQLLimits> = {}): GraphQLLimits {
  const out: GraphQLLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof GraphQLLimits)[]) {
    const v = overrides[key];
    if (v !== undefined) {
      if (!Number.isFinite(v) || v <= 0) throw new Error(`limit ${key} must be a positive number`);
      out[key] = v;
    }
  }
  return out;
}

const ENV_NAMES: Record<keyof GraphQLLimits, string> = {
  maxDepth: "GRAPHQL_MAX_DEPTH",
  maxCost: "GRAPHQL_MAX_COST",
  maxAliases: "GRAPHQL_MAX_ALIASES",
  maxDirectives: "GRAPHQL_MAX_DIRECTIVES",
  maxTokens: "GRAPHQL_MAX_TOKENS",
  maxListSize: "GRAPHQL_MAX_LIST_SIZE",
  maxBodyBytes: "GRAPHQL_MAX_BODY_BYTES",
  requestBudget: "REQUEST_BUDGET",
};

/** Overrides from the environment (deployed stages); unset or empty variables keep the default. */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): Partial<GraphQLLimits> {
  const out: Partial<GraphQLLimits> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof GraphQLLimits, string][]) {
    const raw = env[name];
    if (raw !== undefined && raw !== "") out[key] = Number(raw);
  }
  return out;
}

/**
 * graphql-armor's depth, cost, alias and directive rules, through its Apollo integration (which
 * reports a rejection as a validation error: HTTP 400, GRAPHQL_VALIDATION_FAILED). Two armor parts are
 * left out on purpose: its token plugin throws from `parsingDidStart`, which Apollo Server 5 answers
 * with HTTP 500, so tokens are capped by graphql's own `parse({ maxTokens })` instead (HTTP 400,
 * GRAPHQL_PARSE_FAILED); and its suggestion mask leaves half a sentence, so suggestions are removed
 * by `hideSchemaDetailsFromClientErrors` and the error mapper.
 */
export function validationRules(limits: GraphQLLimits): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    // armor's default 1.5 per level compounds: a legitimate 8-level page would cost 25x its fields.
    costLimit: { maxCost: limits.maxCost, depthCostFactor: 1 },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return [...armor.protect().validationRules, listLimitRule(limits)];
}

export function parseOptions(limits: GraphQLLimits): { maxTokens: number } {
  return { maxTokens: limits.maxTokens };
}

const PAGE_ARGUMENTS = new Set(["first", "last"]);

function tooBig(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

const pageMessage = (name: string, max: number) =>
  `\`${name}\` may be at most ${max}; page through the rest with \`after\`.`;
const listMessage = (max: number) => `A list argument may hold at most ${max} items.`;

/** Literal page sizes and lists over the cap: a validation error (HTTP 400), like the other limits. */
export function listLimitRule(limits: GraphQLLimits): ValidationRule {
  return (context) => ({
    Argument(node) {
      if (
        PAGE_ARGUMENTS.has(node.name.value) &&
        node.value.kind === Kind.INT &&
        Number(node.value.value) > limits.maxListSize
      ) {
        context.reportError(
          new GraphQLError(pageMessage(node.name.value, limits.maxListSize), { nodes: [node] }),
        );
      }
    },
    ListValue(node) {
      if (node.values.length > limits.maxListSize) {
        context.reportError(new GraphQLError(listMessage(limits.maxListSize), { nodes: [node] }));
      }
    },
  });
}

/** The same caps for values passed as variables, which validation cannot see: a message, or undefined. */
export function listArgumentProblem(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  maxListSize: number,
): string | undefined {
  const vars = variables ?? {};
  let problem: string | undefined;
  visit(document, {
    Argument(node) {
      if (problem || !PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return;
      const v = vars[node.value.name.value];
      if (typeof v === "number" && v > maxListSize) problem = pageMessage(node.name.value, maxListSize);
    },
  });
  if (!problem && longestList(vars, 0) > maxListSize) problem = listMessage(maxListSize);
  return problem;
}

function longestList(v: unknown, depth: number): number {
  if (depth > 32 || v === null || typeof v !== "object") return 0;
  const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  let max = Array.isArray(v) ? v.length : 0;
  for (const c of children) max = Math.max(max, longestList(c, depth + 1));
  return max;
}

/**
 * Caps list arguments once the operation is known: `first`/`last` (literal or variable) and any list
 * in the arguments or variables. The store's page size enforces the same cap for `first`; this answers
 * before any resolver runs, with HTTP 400.
 */
export function listLimitPlugin<T extends BaseContext>(limits: GraphQLLimits): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const problem = listArgumentProblem(document, request.variables, limits.maxListSize);
          if (problem) throw tooBig(problem);
        },
      };
    },
  };
}
