import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

interface ChunkInfo {
  code: string;
  isEntry: boolean;
  imports: string[];
}

/**
 * Prints the JavaScript a first visit must download before anything renders: the entry chunk and
 * every chunk it imports statically, gzip-compressed. Lazy (route) chunks are not counted.
 */
function initialJsWeight(): Plugin {
  return {
    name: "needlework-initial-js-weight",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type === "chunk")
          chunks.set(fileName, { code: out.code, isEntry: out.isEntry, imports: out.imports });
      }
      const initial = new Set<string>();
      const visit = (name: string): void => {
        if (initial.has(name)) return;
        const c = chunks.get(name);
        if (!c) return;
        initial.add(name);
        c.imports.forEach(visit);
      };
      for (const [name, c] of chunks) if (c.isEntry) visit(name);
      let total = 0;
      const lines: string[] = [];
      for (const name of initial) {
        const size = gzipSync(chunks.get(name)?.code ?? "").length;
        total += size;
        lines.push(`  ${name.padEnd(48)} ${(size / 1024).toFixed(1).padStart(7)} KB gzip`);
      }
      const lazy = chunks.size - initial.size;
      console.log(`\nInitial JS (loaded before first render):\n${lines.join("\n")}`);
      console.log(
        `  ${"total".padEnd(48)} ${(total / 1024).toFixed(1).padStart(7)} KB gzip (${lazy} lazy chunks not counted)\n`,
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), initialJsWeight()],
  // The root node_modules holds React 18 (a dev tool's dependency); packages hoisted there (react-redux
  // under recharts, react-remove-scroll under Mantine) must use the portal's React 19, not load a second one.
  resolve: { dedupe: ["react", "react-dom"] },
  // amazon-cognito-identity-js's `buffer` dependency reads Node's `global`; browsers call it globalThis.
  define: { global: "globalThis" },
  css: { postcss: root },
  server: { port: 5173, strictPort: true },
  // No source maps in the build: the static site would serve them publicly.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
