import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * The import graph of our own source, built with TypeScript's own module resolution (so workspace
 * packages such as @needlework/core resolve to their source, as the compiler sees them). Type-only
 * imports count: a loop of types still ties the modules together.
 */

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Where our source lives; each root is one layer of the design. */
export const LAYERS = {
  core: "packages/core/src",
  store: "packages/store/src",
  api: "packages/api/src",
  web: "web/src",
} as const;
export type Layer = keyof typeof LAYERS;

export const layerOf = (file: string): Layer | undefined =>
  (Object.keys(LAYERS) as Layer[]).find((l) => file.startsWith(`${LAYERS[l]}/`));

/** Repository-relative paths with forward slashes. */
export type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== "node_modules") out.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

function compilerOptions(): ts.CompilerOptions {
  const configPath = join(ROOT, "tsconfig.json");
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const config: unknown = read.config;
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath).options;
}

/** Every import, export-from and dynamic import of every source file under `roots`, to our own files. */
export function importGraph(roots: readonly string[] = Object.values(LAYERS)): Graph {
  const options = compilerOptions();
  const host: ts.ModuleResolutionHost = ts.sys;
  const cache = ts.createModuleResolutionCache(ROOT, (f) => f, options);
  const graph: Graph = new Map();
  const toRepo = (abs: string): string => relative(ROOT, realpathSync(abs)).split(sep).join("/");
  for (const file of roots.flatMap(sourceFiles)) {
    const abs = join(ROOT, file);
    const deps = new Set<string>();
    const { importedFiles } = ts.preProcessFile(readFileSync(abs, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, abs, options, host, cache).resolvedModule
        ?.resolvedFileName;
      if (!resolved) continue;
      const target = toRepo(resolved);
      if (target.startsWith("..") || target.includes("node_modules/") || target.endsWith(".d.ts")) continue;
      deps.add(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.has(v)) found.push(scc.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

/** The shortest loop from `start` back to itself inside `members`, as "a -> b -> a". */
export function shortestLoop(graph: Graph, members: readonly string[], start: string): string {
  const inside = new Set(members);
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: string | undefined = v; x !== undefined && x !== start; x = from.get(x))
          path.splice(1, 0, x);
        return [...path, start].join(" -> ");
      }
      if (!from.has(w)) {
        from.set(w, v);
        queue.push(w);
      }
    }
  }
  return start;
}
