import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { execute, parse, type GraphQLSchema } from "graphql";
import { buildContext, LOCAL_AUDIENCE, LOCAL_ISSUER } from "@needlework/api";
import type { Principal } from "@needlework/core";
import { createDb, withRequestScope } from "@needlework/store";
import { buildLambda, LAMBDA_OUT_DIR } from "../../scripts/build-lambda";
import { median, type Figures } from "../figures";
import type { BenchStack } from "../stack";
import type { ResolvedOperation } from "./requests";

/**
 * The deployable Lambda: built exactly as deployed (scripts/build-lambda.ts, infra/lambda-bundle.ts),
 * its size, how long a fresh Node process takes to require it against `node -e 0`, the peak memory
 * of a process that requires it and answers one request, and the handler's cost per request against
 * a bare graphql `execute` of the same query on the same schema and data.
 */
interface ApiGatewayResult {
  statusCode?: number;
  body?: string;
}
type Handler = (event: unknown, context: unknown) => Promise<ApiGatewayResult>;

/** An HTTP API (payload 2.0) event for POST /graphql, as API Gateway builds it. */
export function graphqlEvent(op: Pick<ResolvedOperation, "query" | "variables">, token: string): unknown {
  const now = Date.now();
  return {
    version: "2.0",
    routeKey: "POST /graphql",
    rawPath: "/graphql",
    rawQueryString: "",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      host: "abc123.execute-api.eu-west-2.amazonaws.com",
      authorization: `Bearer ${token}`,
    },
    requestContext: {
      accountId: "123456789012",
      apiId: "abc123",
      domainName: "abc123.execute-api.eu-west-2.amazonaws.com",
      domainPrefix: "abc123",
      http: {
        method: "POST",
        path: "/graphql",
        protocol: "HTTP/1.1",
        sourceIp: "203.0.113.7",
        userAgent: "bench",
      },
      requestId: randomUUID(),
      routeKey: "POST /graphql",
      stage: "$default",
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
    isBase64Encoded: false,
  };
}

const lambdaContext = () => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: "bench-needlework-Api-graphql",
  functionVersion: "$LATEST",
  invokedFunctionArn: "arn:aws:lambda:eu-west-2:123456789012:function:bench-needlework-Api-graphql",
  memoryLimitInMB: "1024",
  awsRequestId: randomUUID(),
  logGroupName: "/aws/lambda/bench",
  logStreamName: "bench",
  getRemainingTimeInMillis: () => 15_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Wall time of a fresh `node -e`, and the CPU time the process used (less sensitive to other load). */
function timeProcess(code: string, env: NodeJS.ProcessEnv): { wallMs: number; cpuMs: number } {
  const script = `${code};const u=process.cpuUsage();process.stdout.write(String((u.user+u.system)/1000))`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["-e", script], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node -e ${code.slice(0, 60)} failed: ${r.stderr.slice(0, 500)}`);
  return { wallMs, cpuMs: Number(r.stdout) };
}

/** What the deployed function gets, with the local stand-ins for Cognito and DynamoDB. */
function lambdaEnv(stack: BenchStack): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    TABLE_NAME: stack.tableName,
    AWS_REGION: "eu-west-2",
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_PUBLIC_JWK: JSON.stringify(stack.issuer.publicJwk),
    PSEUDONYM_SECRET_FILE: stack.secretFile,
    // Keeps the SDK's Node 20 end-of-support notice out of the timings' stderr.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

function graphqlErrors(body: string | undefined): string | undefined {
  const parsed = JSON.parse(body ?? "{}") as {
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const e = parsed.errors?.[0];
  return e ? `${e.extensions?.code ?? "error"}: ${e.message}` : undefined;
}

export async function measureLambda(
  stack: BenchStack,
  schema: GraphQLSchema,
  figures: Figures,
  page: { ops: ResolvedOperation[]; as: Principal },
  opts: { coldRuns: number; overheadCalls: number },
  onStep: (msg: string) => void,
): Promise<void> {
  onStep("building the bundle as deployed");
  const bundle = await buildLambda(join(LAMBDA_OUT_DIR, `../lambda-bench-${process.pid}`));
  try {
    const size = "Lambda bundle (as deployed)";
    figures.add(
      size,
      "lambda.bundle.minifiedKB",
      "bundle, minified (DynamoDB client included)",
      bundle.bytes / 1024,
      "KB",
      {
        target: { op: "<=", value: 1024 },
      },
    );
    figures.add(size, "lambda.bundle.gzipKB", "bundle, gzip", bundle.gzipBytes / 1024, "KB");

    // Cold require: fresh processes, alternating, median of each.
    onStep(`cold require: ${opts.coldRuns} fresh processes each`);
    const env = { ...process.env, ...lambdaEnv(stack), DYNAMODB_ENDPOINT: stack.endpoint };
    const base: { wallMs: number; cpuMs: number }[] = [];
    const cold: { wallMs: number; cpuMs: number }[] = [];
    timeProcess("0", env);
    for (let i = 0; i < opts.coldRuns; i++) {
      base.push(timeProcess("0", env));
      cold.push(timeProcess(`require(${JSON.stringify(bundle.file)})`, env));
    }
    const wall = (xs: typeof base) => median(xs.map((x) => x.wallMs));
    const cpu = (xs: typeof base) => median(xs.map((x) => x.cpuMs));
    const start = `Cold start (${opts.coldRuns} fresh Node processes each, alternating, median)`;
    figures.add(start, "lambda.cold.nodeMs", "`node -e 0`", wall(base), "ms");
    figures.add(start, "lambda.cold.requireMs", '`node -e "require(bundle)"`', wall(cold), "ms");
    figures.add(
      start,
      "lambda.cold.ratio",
      "require bundle / node -e 0 (wall clock)",
      wall(cold) / wall(base),
      "×",
      { target: { op: "<=", value: 2.5 } },
    );
    figures.add(
      start,
      "lambda.cold.cpuRatio",
      `the same in CPU time (${cpu(cold).toFixed(0)} / ${cpu(base).toFixed(0)} ms; steadier when the machine is busy)`,
      cpu(cold) / cpu(base),
      "×",
    );

    // Peak memory: a process that requires the bundle and answers one patient-page request, with
    // credentials from the environment as in Lambda (the SDK's default chain, endpoint from
    // AWS_ENDPOINT_URL_DYNAMODB) rather than the local stand-in's fixed ones.
    onStep("peak memory of one request");
    const token = await stack.token(page.as);
    const op = page.ops[page.ops.length - 1]!;
    const script = [
      `const { handler } = require(${JSON.stringify(bundle.file)});`,
      `handler(JSON.parse(process.env.BENCH_EVENT), JSON.parse(process.env.BENCH_CONTEXT)).then((r) => {`,
      `  process.stdout.write(JSON.stringify({ status: r.statusCode, body: r.body, maxRssKb: process.resourceUsage().maxRSS }));`,
      `}, (e) => { console.error(e); process.exit(1); });`,
    ].join("\n");
    const child = spawnSync(process.execPath, ["-e", script], {
      env: {
        ...process.env,
        ...lambdaEnv(stack),
        DYNAMODB_ENDPOINT: "",
        AWS_ENDPOINT_URL_DYNAMODB: stack.endpoint,
        AWS_ACCESS_KEY_ID: "ASIABENCHLOCAL",
        AWS_SECRET_ACCESS_KEY: "bench-local-secret",
        AWS_SESSION_TOKEN: "bench-local-session",
        BENCH_EVENT: JSON.stringify(graphqlEvent(op, token)),
        BENCH_CONTEXT: JSON.stringify(lambdaContext()),
      },
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`the bundle failed to answer: ${child.stderr.slice(0, 800)}`);
    const out = JSON.parse(child.stdout) as { status: number; body: string; maxRssKb: number };
    const err = graphqlErrors(out.body);
    if (out.status !== 200 || err)
      throw new Error(`the bundle answered ${out.status}: ${err ?? out.body.slice(0, 300)}`);
    figures.add(
      start,
      "lambda.peakRssMB",
      "peak memory (RSS): require + one patient-page request",
      out.maxRssKb / 1024,
      "MB",
      {
        target: { op: "<=", value: 128 },
      },
    );

    // Handler vs bare execute, in this process, warm, same query, same table.
    onStep(`handler vs bare execute: ${opts.overheadCalls} calls each`);
    const saved = { ...process.env };
    Object.assign(process.env, lambdaEnv(stack), { DYNAMODB_ENDPOINT: stack.endpoint });
    let handler: Handler;
    try {
      handler = (createRequire(import.meta.url)(bundle.file) as { handler: Handler }).handler;
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    const viaHandler = async (): Promise<number> => {
      const event = graphqlEvent(op, token);
      const t0 = performance.now();
      const res = await handler(event, lambdaContext());
      const ms = performance.now() - t0;
      const e = graphqlErrors(res.body);
      if (e) throw new Error(`handler: ${e}`);
      return ms;
    };
    const bareDb = createDb({
      endpoint: stack.endpoint,
      tableName: stack.tableName,
      pseudonymSecret: stack.db.pseudonymSecret,
    });
    const document = parse(op.query);
    const serverOpts = {
      db: bareDb,
      verifier: async () => ({ ...page.as, issuedAt: Math.floor(Date.now() / 1000) }),
    };
    const bare = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await withRequestScope(1000, async () =>
        execute({
          schema,
          document,
          variableValues: op.variables,
          contextValue: await buildContext(serverOpts, undefined),
        }),
      );
      const ms = performance.now() - t0;
      if (res.errors?.length) throw new Error(`bare execute: ${res.errors[0]!.message}`);
      return ms;
    };
    for (let i = 0; i < 20; i++) {
      await viaHandler();
      await bare();
    }
    const h: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < opts.overheadCalls; i++) {
      h.push(await viaHandler());
      b.push(await bare());
    }
    const over = "GraphQL overhead: Lambda handler vs bare execute (warm, same query and data)";
    const note = `${op.name}: handler = built bundle, API Gateway v2 event, JWT verified, parse/validate/execute/format; bare = graphql execute of the parsed document with the principal given`;
    figures.add(over, "overhead.handlerMs", `handler (median of ${opts.overheadCalls})`, median(h), "ms", {
      note,
    });
    figures.add(over, "overhead.bareMs", `bare execute (median of ${opts.overheadCalls})`, median(b), "ms");
    figures.add(over, "overhead.ratio", "handler / bare execute", median(h) / median(b), "×", {
      target: { op: "<=", value: 1.5 },
    });
  } finally {
    rmSync(dirname(bundle.file), { recursive: true, force: true });
  }
}
