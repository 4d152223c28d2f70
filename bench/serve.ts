/**
 * The local API alone, in its own process, for the loopback load run: the same server factory as
 * the Lambda and `npm start`, deployed settings (devMode off), on a table the bench has filled.
 * Prints "READY <url>" when it listens; stops on SIGTERM or when its parent goes away.
 *
 *   BENCH_DYNAMODB_ENDPOINT=... BENCH_TABLE=... BENCH_ISSUER_DIR=... node --import tsx bench/serve.ts
 */
import { createLocalIssuer, createVerifier, localSecretFile, startLocalApi } from "@needlework/api";
import { createDb } from "@needlework/store";
import { freePort } from "@needlework/store/local";

const env = process.env;
const endpoint = env.BENCH_DYNAMODB_ENDPOINT;
const tableName = env.BENCH_TABLE;
const issuerDir = env.BENCH_ISSUER_DIR;
if (!endpoint || !tableName || !issuerDir) {
  console.error("BENCH_DYNAMODB_ENDPOINT, BENCH_TABLE and BENCH_ISSUER_DIR must be set");
  process.exit(2);
}
const issuer = await createLocalIssuer(issuerDir);
const api = await startLocalApi({
  db: createDb({ endpoint, tableName, pseudonymSecret: localSecretFile(issuerDir) }),
  verifier: createVerifier(issuer.config),
  devMode: false,
  port: await freePort(),
  host: "127.0.0.1",
  issuer,
  users: async () => [],
  allowedOrigins: [],
  logger: () => undefined,
});
console.log(`READY ${api.url.replace("localhost", "127.0.0.1")}`);
const stop = () => {
  void api.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The bench owns this process: if it dies, so does this.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    stop();
  }
}, 1000).unref();
