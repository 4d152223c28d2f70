import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { Principal } from "@needlework/core";
import { BENCH_DIR, ROOT, type Figures } from "../figures";
import { runLoad } from "../load";
import type { BenchStack } from "../stack";

/**
 * Loopback load on the patient page (bench/load.ts, autocannon, bounded in requests and seconds)
 * against the local API in a process of its own, as `npm start` runs it, over the bench's table.
 */
async function startServer(
  stack: BenchStack,
  issuerDir: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(BENCH_DIR, "serve.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      BENCH_DYNAMODB_ENDPOINT: stack.endpoint,
      BENCH_TABLE: stack.tableName,
      BENCH_ISSUER_DIR: issuerDir,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start in 30 s: ${err}`)), 30_000);
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}: ${err}`));
    });
  });
  return { url, child };
}

export async function measureLoad(
  stack: BenchStack,
  figures: Figures,
  target: { as: Principal; siteId: string; patientId: string; issuerDir: string },
  opts: { seconds: number; requests: number; connections: number },
  onStep: (msg: string) => void,
): Promise<void> {
  onStep("starting the API in its own process");
  const { url, child } = await startServer(stack, target.issuerDir);
  try {
    onStep(
      `patient page: up to ${opts.requests.toLocaleString("en-GB")} requests or ${opts.seconds} s, ${opts.connections} connections`,
    );
    const r = await runLoad({
      target: {
        url,
        token: await stack.token(target.as),
        siteId: target.siteId,
        patientId: target.patientId,
      },
      scenario: "patient",
      seconds: opts.seconds,
      requests: opts.requests,
      connections: opts.connections,
    });
    const section = `Loopback load, patient page (${r.requests.toLocaleString("en-GB")} requests in ${r.seconds} s, ${opts.connections} connections)`;
    const note =
      "bench/load.ts (autocannon) in the bench process; the API in its own Node process; DynamoDB Local (Java) beside them on the same 2 cores";
    figures.add(section, "load.rps", "throughput", r.rps, "req/s", {
      target: { op: ">=", value: 300 },
      note,
    });
    figures.add(section, "load.p50", "latency p50", r.p50, "ms");
    figures.add(section, "load.p99", "latency p99", r.p99, "ms", { target: { op: "<", value: 150 } });
    figures.add(section, "load.errors", "errors", r.errors, "", { target: { op: "==", value: 0 } });
  } finally {
    child.kill("SIGTERM");
  }
}
