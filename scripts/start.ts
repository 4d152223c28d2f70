import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoPrincipals, JavaMissingError } from "@needlework/store/local";
import { startLocalStack } from "./local-stack";

/** `npm start`: the whole product locally, until Ctrl-C or SIGTERM. */
const root = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;

async function main(): Promise<void> {
  const started = Date.now();
  const stack = await startLocalStack({
    dataDir: env.NEEDLEWORK_DATA_DIR ?? join(root, ".data"),
    apiPort: Number(env.API_PORT ?? 4000),
    webPort: Number(env.WEB_PORT ?? 5173),
    dynamoPort: Number(env.DYNAMODB_PORT ?? 8000),
    seed: env.NEEDLEWORK_SEED !== "false",
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the portal, the API and DynamoDB Local...`);
    await stack.stop();
    console.log("Stopped. Your data stays in .data/ for the next start.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  watchLauncher(() => void shutdown("npm exited"));

  const users = demoPrincipals();
  console.log(`
Needlework is running (${((Date.now() - started) / 1000).toFixed(1)} s)

  Portal   ${stack.webUrl}
  API      ${stack.apiUrl}   (POST, Bearer token)

Sign in on the portal by picking a demo user, or get a token for API clients:
  npm run token -- --user ${users[0]?.email ?? "EMAIL"}

Demo users:
${users.map((u) => `  ${u.email.padEnd(30)} ${u.role.padEnd(13)} ${u.groupName}`).join("\n")}

Ctrl-C stops everything.`);
}

/**
 * npm exits on SIGTERM without passing it on to the script, which would leave the stack running.
 * So we watch the process that launched us (npm, or the shell npm started) and stop when it is gone.
 */
function watchLauncher(onGone: () => void): void {
  const launchers = [process.ppid, parentOf(process.ppid)].filter((p): p is number => !!p && p > 1);
  if (launchers.length === 0) return;
  const timer = setInterval(() => {
    for (const pid of launchers) {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        onGone();
        return;
      }
    }
  }, 1000);
  timer.unref();
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

main().catch((e: unknown) => {
  if (e instanceof JavaMissingError) {
    console.error(e.message);
  } else {
    console.error(`Needlework could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
});
