import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT, type Figures } from "../figures";

/**
 * The portal's initial JavaScript: the production build (`npm run build -w @needlework/web`, into a
 * folder of its own so a developer's web/dist is left alone), then the module script and the
 * modulepreload links of index.html, gzip-compressed and summed: what a first visit downloads
 * before anything renders. The build prints its own count (web/vite.config.ts); both must agree.
 */
export async function measurePortal(
  figures: Figures,
  outDir: string,
  onStep: (msg: string) => void,
): Promise<void> {
  onStep("production build");
  rmSync(outDir, { recursive: true, force: true });
  const printed = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      "npm",
      ["run", "build", "-w", "@needlework/web", "--", "--outDir", outDir, "--emptyOutDir"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`the portal build failed:\n${out.slice(-2000)}`)),
    );
  });
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\//, ""));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outDir, f))).length, 0);
  const kb = bytes / 1024;
  const fromBuild = /total\s+([\d.]+) KB gzip/.exec(printed)?.[1];
  figures.add(
    "Portal (production build)",
    "portal.initialJsKB",
    `initial JS, gzip (${files.length} files)`,
    kb,
    "KB",
    {
      target: { op: "<=", value: 250 },
      note: `${files.join(", ")}; the build printed ${fromBuild ?? "no total"} KB`,
    },
  );
}
