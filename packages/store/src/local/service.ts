import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";

/**
 * A local emulator (DynamoDB Local, cognito-local in tests) run as a child process. A small shell
 * watchdog runs it and stops it if this Node process dies without cleaning up (kill -9, a crashed test
 * worker), so no orphan is ever left behind; it runs in its own process group, so `stop()` signals the
 * watchdog and the emulator together.
 */
export interface WatchedService {
  process: ChildProcess;
  stop: () => Promise<void>;
}

export async function startWatchedService(opts: {
  /** For messages only. */
  name: string;
  command: string;
  args: readonly string[];
  /** The port it opens; startWatchedService returns once it accepts connections. */
  port: number;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  verbose?: boolean;
  timeoutMs?: number;
}): Promise<WatchedService> {
  const watchdog = [
    `${opts.command} "$@" & cpid=$!`,
    "trap 'kill $cpid 2>/dev/null; wait $cpid; exit 0' TERM INT",
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $cpid 2>/dev/null; do sleep 1 & wait $!; done`,
    "kill $cpid 2>/dev/null; wait $cpid",
  ].join("\n");
  const child = spawn("/bin/sh", ["-c", watchdog, opts.name, ...opts.args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: opts.verbose ? "inherit" : "ignore",
    detached: true,
  });
  const exited = new Promise<void>((res) => child.once("exit", () => res()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal("SIGTERM");
    const timer = setTimeout(() => signal("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForPort(opts, child);
  } catch (e) {
    await stop();
    throw e;
  }
  return { process: child, stop };
}

async function waitForPort(
  opts: { name: string; port: number; timeoutMs?: number },
  child: ChildProcess,
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((res) => {
      const s = connect(opts.port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        res(true);
      });
      s.once("error", () => res(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${opts.name} did not open port ${opts.port} within ${timeoutMs} ms`);
}
