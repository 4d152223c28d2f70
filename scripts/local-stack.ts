import { renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createLocalIssuer, localSecretFile, startLocalApi, type LocalApi } from "@needlework/api";
import { createDb, ensureTable, Groups } from "@needlework/store";
import {
  DATA_LAYOUT,
  demoGroups,
  readLayout,
  seedDemo,
  writeLayout,
  startDynamoLocal,
  type DynamoLocal,
  type Progress,
} from "@needlework/store/local";

/**
 * The whole product on one machine: DynamoDB Local (data under dataDir), the table, the demo seed,
 * the API (same server factory as the Lambda) and the portal on Vite. Used by `npm start` and the
 * end-to-end tests, so both run exactly the same stack.
 */
export interface LocalStackOptions {
  dataDir: string;
  apiPort?: number;
  webPort?: number;
  dynamoPort?: number;
  seed?: boolean;
  quiet?: boolean;
  /** Serve the portal too (default true). */
  web?: boolean;
  onProgress?: Progress;
}

export interface LocalStack {
  apiUrl: string;
  webUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = (msg: string) => {
    if (!opts.quiet) console.log(msg);
  };
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) {
      try {
        await s();
      } catch {
        /* keep stopping the rest */
      }
    }
    stops.length = 0;
  };
  try {
    const dataDir = resolve(opts.dataDir);
    const dynamoDir = join(dataDir, "dynamodb");
    // The pseudonymisation secret lives beside the data, not in it (made now on a first start).
    const pseudonymSecret = localSecretFile(dataDir);
    await pseudonymSecret.read();
    const openData = async () => {
      const dynamo: DynamoLocal = await startDynamoLocal({ port: opts.dynamoPort ?? 0, dataDir: dynamoDir });
      stops.push(() => dynamo.stop());
      const db = createDb({ endpoint: dynamo.endpoint, tableName: "needlework", pseudonymSecret });
      const created = await ensureTable(db);
      return { dynamo, db, created, layout: await readLayout(db, created === "created") };
    };
    let { dynamo, db, created, layout } = await openData();
    if (layout !== 0 && layout < DATA_LAYOUT) {
      // Written by an older Needlework, in a shape this one no longer reads: keep it, but aside.
      await dynamo.stop();
      stops.pop();
      const aside = `${dynamoDir}-layout${layout}-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(dynamoDir, aside);
      log(
        `Local data      written by an older Needlework (data layout ${layout}, now ${DATA_LAYOUT}): moved to ${aside}; starting afresh`,
      );
      ({ dynamo, db, created, layout } = await openData());
    } else if (layout > DATA_LAYOUT) {
      log(
        `Local data      written by a newer Needlework (data layout ${layout}, this one reads ${DATA_LAYOUT}): some figures may be wrong; move ${dynamoDir} aside to start afresh`,
      );
    }
    if (layout < DATA_LAYOUT) await writeLayout(db);
    log(`DynamoDB Local  ${dynamo.endpoint}`);
    log(`Table           ${db.tableName} (${created})`);
    if (opts.seed ?? true) {
      const res = await seedDemo(
        db,
        opts.onProgress ?? ((d, t, what) => log(`Seeding         ${d}/${t} ${what}`)),
      );
      log(`Seed            ${res.written} written, ${res.skipped} already there`);
    }

    const issuer = await createLocalIssuer(dataDir);
    const webPort = opts.webPort ?? 5173;
    const allowedOrigins = [`http://localhost:${webPort}`, `http://127.0.0.1:${webPort}`];
    const api: LocalApi = await startLocalApi({
      db,
      verifier: (await import("@needlework/api")).createVerifier(issuer.config),
      devMode: true,
      port: opts.apiPort ?? 4000,
      issuer,
      // Sign-in lists the active users in the table, so users invited through the admin API can sign in.
      users: () =>
        Groups.signInDirectory(
          db,
          demoGroups().map((g) => g.group.id),
        ),
      allowedOrigins,
    });
    stops.push(() => api.stop());
    log(`API             ${api.url}`);

    let webUrl = "";
    if (opts.web ?? true) {
      process.env.VITE_API_URL = api.url;
      process.env.VITE_AUTH_MODE = "local";
      const { createServer } = await import("vite");
      const vite = await createServer({
        configFile: join(repoRoot, "web/vite.config.ts"),
        root: join(repoRoot, "web"),
        server: { port: webPort, strictPort: true, host: "127.0.0.1" },
        logLevel: opts.quiet ? "error" : "warn",
        clearScreen: false,
      });
      await vite.listen();
      stops.push(() => vite.close());
      webUrl = `http://localhost:${webPort}`;
      log(`Portal          ${webUrl}`);
    }
    return { apiUrl: api.url, webUrl, dynamoEndpoint: dynamo.endpoint, tableName: db.tableName, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
