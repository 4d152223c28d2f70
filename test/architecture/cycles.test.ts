import { describe, expect, it } from "vitest";
import { cycles, importGraph, layerOf, shortestLoop, type Layer } from "./imports";

/**
 * The design (../../docs, DESIGN.md "Architecture"): no import cycle anywhere in our source, and
 * dependencies point one way: api -> store -> core, api -> core, web -> core.
 */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ["core"],
  store: ["store", "core"],
  api: ["api", "store", "core"],
  web: ["web", "core"],
};

const graph = importGraph();

describe("imports", () => {
  it("reads our source", () => {
    // Guards the checks below against passing on an empty graph.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("packages/core/src/contraindications.ts")).toContain("packages/core/src/errors.ts");
  });

  it("form no cycle in packages/ or web/src", () => {
    const found = cycles(graph).map(
      (scc) => `${scc.length} files: ${shortestLoop(graph, scc, scc[0]!)}\n    all: ${scc.join(", ")}`,
    );
    expect(found, `import cycles:\n  ${found.join("\n  ")}`).toEqual([]);
  });

  it("point one way: core imports nothing else of ours, store only core, web only core", () => {
    const wrong: string[] = [];
    for (const [file, deps] of graph) {
      const from = layerOf(file);
      if (!from) continue;
      for (const dep of deps) {
        const to = layerOf(dep);
        if (!to || !ALLOWED[from].includes(to)) wrong.push(`${file} -> ${dep}`);
      }
    }
    expect(wrong, `imports against the design:\n  ${wrong.join("\n  ")}`).toEqual([]);
  });
});
