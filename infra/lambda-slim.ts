import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Keeps the GraphQL Lambda small: its cold start (download, parse, evaluate) is paid by every new
 * instance. Without this plugin the bundle is over 1.7 MB minified, for reasons that have nothing to
 * do with what the function runs:
 *
 * 1. Copies of one package. npm installs the same name@version at several paths (packages/api and
 *    @apollo/server each get their own @graphql-tools/*); the Lambda integration, which is CommonJS,
 *    `require`s Apollo Server's CJS build beside the ESM build the API imports; graphql-armor's deep
 *    import "graphql/language/parser" takes graphql's CJS files beside the ESM ones (two GraphQLError
 *    classes, so `instanceof` would stop holding). Here every import of a runtime dependency resolves
 *    to one copy per name@version (the shortest production path in package-lock.json), `require` of a
 *    PREFER_ESM package resolves like an import, and graphql's .js files take their .mjs twins.
 * 2. Code that is loaded with `import()` only when a feature is on, and the function never turns it
 *    on: Apollo's usage reporting, schema reporting and inline tracing (240 KB with their protobuf
 *    runtime; createApolloServer installs their Disabled plugins), and the links of the AWS SDK's
 *    default credential chain after the environment (SSO, ini files, credential processes, web
 *    identity, container and instance metadata: 100 KB with the STS/SSO clients; Lambda always
 *    provides credentials in the environment). Each is replaced by a stub that throws a clear error
 *    if it is ever reached.
 * 3. `sha.js`: @apollo/utils.createhash falls back to this pure-JS SHA inside a bundle (where
 *    `module.require` is missing), and Apollo hashes every query with it. It maps to node:crypto.
 *
 * test/bundle builds the bundle with these settings and invokes it; `npm run bench` reports its size.
 */

/** Packages whose CJS and ESM builds export the same names, so `require` may take the ESM build. */
const PREFER_ESM = ["@apollo/server", "lru-cache"];

/** Packages that ship each module as `x.js` (CJS) beside `x.mjs` (ESM). */
const MJS_TWINS = ["graphql"];

const stubError = (what: string, instead: string): string =>
  JSON.stringify(`${what} is not included in the Lambda bundle (infra/lambda-slim.ts): ${instead}`);

const throwingFactories = (names: readonly string[], what: string, instead: string): string =>
  names.map((n) => `export function ${n}() { throw new Error(${stubError(what, instead)}); }`).join("\n");

/** A credential provider factory whose provider rejects, as an unusable link of the chain does. */
const rejectingProviders = (names: readonly string[], what: string): string =>
  names
    .map(
      (n) =>
        `export function ${n}() { return async () => { throw new Error(${stubError(what, "in Lambda the SDK takes credentials from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN).")}); }; }`,
    )
    .join("\n");

interface Stub {
  /** Only imports from files matching this are stubbed; any other importer gets the real module. */
  importer: RegExp;
  contents: string;
}

const APOLLO_DIST = /[\\/]@apollo[\\/]server[\\/]dist[\\/]esm[\\/]ApolloServer\.js$/;
const CREDENTIAL_CHAIN = /[\\/]@aws-sdk[\\/]credential-provider-node[\\/]/;
const APOLLO_OFF = "createApolloServer installs its Disabled plugin.";

const STUBS: Record<string, Stub> = {
  "./plugin/usageReporting/index.js": {
    importer: APOLLO_DIST,
    contents: throwingFactories(["ApolloServerPluginUsageReporting"], "Apollo usage reporting", APOLLO_OFF),
  },
  "./plugin/schemaReporting/index.js": {
    importer: APOLLO_DIST,
    contents: throwingFactories(["ApolloServerPluginSchemaReporting"], "Apollo schema reporting", APOLLO_OFF),
  },
  "./plugin/inlineTrace/index.js": {
    importer: APOLLO_DIST,
    contents: throwingFactories(["ApolloServerPluginInlineTrace"], "Apollo inline tracing", APOLLO_OFF),
  },
  "@aws-sdk/credential-provider-sso": {
    importer: CREDENTIAL_CHAIN,
    contents: rejectingProviders(["fromSSO"], "AWS SSO credentials"),
  },
  "@aws-sdk/credential-provider-ini": {
    importer: CREDENTIAL_CHAIN,
    contents: rejectingProviders(["fromIni"], "AWS shared config file credentials"),
  },
  "@aws-sdk/credential-provider-process": {
    importer: CREDENTIAL_CHAIN,
    contents: rejectingProviders(["fromProcess"], "AWS credential_process credentials"),
  },
  "@aws-sdk/credential-provider-web-identity": {
    importer: CREDENTIAL_CHAIN,
    contents: rejectingProviders(["fromTokenFile"], "AWS web identity credentials"),
  },
  "@aws-sdk/credential-provider-http": {
    importer: CREDENTIAL_CHAIN,
    contents: rejectingProviders(["fromHttp"], "AWS container credentials"),
  },
  "@smithy/credential-provider-imds": {
    importer: CREDENTIAL_CHAIN,
    contents: [
      'export const ENV_CMDS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";',
      'export const ENV_CMDS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";',
      rejectingProviders(
        ["fromContainerMetadata", "fromInstanceMetadata"],
        "AWS instance and container metadata credentials",
      ),
    ].join("\n"),
  },
  "sha.js": {
    importer: /[\\/]@apollo[\\/]utils\.createhash[\\/]/,
    contents: 'module.exports = (algorithm) => require("node:crypto").createHash(algorithm);',
  },
};

/*
 * The part of esbuild's plugin API used here, written out so that the plugin fits both the esbuild
 * scripts/build-lambda.ts runs and the older one SST bundles with (their full types differ).
 */
type ImportKind =
  | "entry-point"
  | "import-statement"
  | "require-call"
  | "dynamic-import"
  | "require-resolve"
  | "import-rule"
  | "url-token";
interface ResolveArgs {
  path: string;
  importer: string;
  /** Wider than ImportKind: each esbuild version has its own list. */
  kind: string;
  resolveDir: string;
  pluginData?: unknown;
}
interface Resolved {
  path: string;
  external: boolean;
  errors: { text?: string }[];
  namespace: string;
  sideEffects: boolean;
}
interface SlimPluginBuild {
  initialOptions: { absWorkingDir?: string | undefined };
  resolve(
    path: string,
    options: { kind: ImportKind; resolveDir: string; importer: string; pluginData: unknown },
  ): Promise<Resolved>;
  onResolve(
    options: { filter: RegExp },
    callback: (args: ResolveArgs) => Promise<Partial<Resolved> | undefined> | Partial<Resolved> | undefined,
  ): void;
  onLoad(
    options: { filter: RegExp; namespace: string },
    callback: (args: { path: string }) => { contents: string; loader: "js"; resolveDir: string } | undefined,
  ): void;
}
export interface SlimPlugin {
  name: string;
  setup: (build: SlimPluginBuild) => void;
}

interface Installed {
  dir: string;
  name: string;
  version: string;
}

function packageNameOf(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** The installed package a resolved file belongs to (the nearest package.json with name and version). */
function owningPackage(file: string, cache: Map<string, Installed | null>): Installed | undefined {
  const seen: string[] = [];
  let dir = dirname(file);
  let found: Installed | null = null;
  while (dir.includes("node_modules")) {
    const hit = cache.get(dir);
    if (hit !== undefined) {
      found = hit;
      break;
    }
    seen.push(dir);
    const pj = join(dir, "package.json");
    if (existsSync(pj)) {
      const j = JSON.parse(readFileSync(pj, "utf8")) as { name?: string; version?: string };
      if (j.name && j.version) {
        found = { dir, name: j.name, version: j.version };
        break;
      }
    }
    dir = dirname(dir);
  }
  for (const d of seen) cache.set(d, found);
  return found ?? undefined;
}

/** name@version → the one directory every import of it is bundled from (shortest production path). */
function canonicalCopies(from: string): Map<string, string> {
  const out = new Map<string, string>();
  let root = from;
  while (!existsSync(join(root, "package-lock.json")) && dirname(root) !== root) root = dirname(root);
  const lockFile = join(root, "package-lock.json");
  if (!existsSync(lockFile)) return out;
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as {
    packages?: Record<string, { version?: string; dev?: boolean; link?: boolean }>;
  };
  const paths = Object.entries(lock.packages ?? {})
    .filter(([path, e]) => path.includes("node_modules/") && !e.dev && !e.link && e.version)
    .sort(([a], [b]) => a.length - b.length || a.localeCompare(b));
  for (const [path, e] of paths) {
    const name = path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
    const key = `${name}@${e.version}`;
    const dir = join(root, path);
    if (!out.has(key) && existsSync(join(dir, "package.json"))) out.set(key, dir);
  }
  return out;
}

export function lambdaSlimPlugin(): SlimPlugin {
  return {
    name: "needlework-lambda-slim",
    setup(build) {
      const canonical = canonicalCopies(build.initialOptions.absWorkingDir ?? process.cwd());
      const owners = new Map<string, Installed | null>();
      const again = { needleworkSlim: true };
      const stubbed = (path: string, importer: string): boolean =>
        STUBS[path]?.importer.test(importer) === true;

      // Relative imports: only Apollo's optional plugins are of interest.
      build.onResolve({ filter: /^\.\/plugin\// }, (args) =>
        stubbed(args.path, args.importer) ? { path: args.path, namespace: "needlework-stub" } : undefined,
      );

      // Bare package imports: stubs, then one copy per name@version.
      build.onResolve({ filter: /^(?:@[^/.][^/]*\/)?[^/.][^/]*(?:\/.*)?$/ }, async (args) => {
        if ((args.pluginData as typeof again | undefined)?.needleworkSlim) return undefined;
        if (stubbed(args.path, args.importer)) return { path: args.path, namespace: "needlework-stub" };
        const kind: ImportKind =
          args.kind === "require-call" && PREFER_ESM.includes(packageNameOf(args.path))
            ? "import-statement"
            : (args.kind as ImportKind);
        const resolved = await build.resolve(args.path, {
          kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: again,
        });
        if (resolved.errors.length > 0 || resolved.external || !resolved.path) return resolved;
        const pkg = owningPackage(resolved.path, owners);
        if (!pkg) return resolved;
        if (MJS_TWINS.includes(pkg.name) && resolved.path.endsWith(".js")) {
          const twin = resolved.path.replace(/\.js$/, ".mjs");
          if (existsSync(twin)) return { ...resolved, path: twin };
        }
        const home = canonical.get(`${pkg.name}@${pkg.version}`);
        if (!home || home === pkg.dir) return resolved;
        // Resolving from inside the canonical copy finds that copy first (in its owner's node_modules).
        return build.resolve(args.path, {
          kind,
          resolveDir: home,
          importer: args.importer,
          pluginData: again,
        });
      });

      build.onLoad({ filter: /.*/, namespace: "needlework-stub" }, (args) => {
        const stub = STUBS[args.path];
        return stub ? { contents: stub.contents, loader: "js", resolveDir: process.cwd() } : undefined;
      });
    },
  };
}
