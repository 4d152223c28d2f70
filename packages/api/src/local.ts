import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap } from "@apollo/server";
import { ID_TOKEN_VALIDITY_SECONDS, type Principal } from "@needlework/core";
import { withRequestScope } from "@needlework/store";
import type { LocalIssuer } from "./auth/local-issuer";
import { buildContext, createApolloServer, limitsOf, type ServerOptions } from "./server";
import { handleOutcomeCsv, OUTCOME_CSV_PATH } from "./export/route";

/**
 * The local entry point: the same Apollo server as the Lambda, in a plain Node HTTP server, plus the
 * local sign-in endpoints that stand in for Cognito. Never deployed.
 */
export interface LocalUser extends Principal {
  groupName: string;
  sites: { id: string; name: string }[];
}

export interface LocalApiOptions extends ServerOptions {
  port: number;
  host?: string;
  issuer: LocalIssuer;
  /** Who the sign-in page lists and may get a token: the active users in the table (Groups.signInDirectory). */
  users: () => Promise<LocalUser[]>;
  /** Origins allowed by CORS (the portal). */
  allowedOrigins: string[];
}

export interface LocalApi {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY = 1_000_000;

/** A body over the limit: answered 413 before it is read (Content-Length) or as soon as it crosses it. */
class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > max) throw new BodyTooLarge();
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}

export async function startLocalApi(opts: LocalApiOptions): Promise<LocalApi> {
  const apollo = createApolloServer(opts);
  await apollo.start();
  const limits = limitsOf(opts);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && opts.allowedOrigins.includes(origin)
        ? {
            "access-control-allow-origin": origin,
            "access-control-allow-headers": "authorization, content-type, apollo-require-preflight",
            "access-control-allow-methods": "GET, POST, OPTIONS",
            "access-control-max-age": "600",
            vary: "origin",
          }
        : {};
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (url.pathname === "/healthz") return send(res, 200, { ok: true }, cors);
    if (url.pathname === "/auth/local/users" && req.method === "GET") {
      const users = await opts.users();
      return send(
        res,
        200,
        users.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          groupName: u.groupName,
          sites: u.sites,
        })),
        cors,
      );
    }
    if (url.pathname === "/auth/local/token" && req.method === "POST") {
      let email = "";
      try {
        const parsed = (JSON.parse(await readBody(req)) as { email?: unknown }).email;
        email = typeof parsed === "string" ? parsed : "";
      } catch {
        return send(res, 400, { error: 'Send JSON {"email": "..."}' }, cors);
      }
      const matches = (await opts.users()).filter((u) => u.email.toLowerCase() === email.toLowerCase());
      const user = matches[0];
      if (!user) return send(res, 404, { error: "No demo user has that email." }, cors);
      // One email, one user (the invite's guard); data written before the guard may still repeat one,
      // and picking either would sign in as someone the caller may not be.
      if (matches.length > 1) {
        return send(res, 409, { error: "More than one user has that email: sign-in is refused." }, cors);
      }
      const token = await opts.issuer.sign(user);
      const expiresAt = new Date(Date.now() + ID_TOKEN_VALIDITY_SECONDS * 1000).toISOString();
      return send(res, 200, { token, expiresAt }, cors);
    }
    if (url.pathname === "/graphql") {
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      }
      let raw = "";
      try {
        raw = req.method === "POST" ? await readBody(req, limits.maxBodyBytes) : "";
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        const message = `The request body is larger than ${limits.maxBodyBytes} bytes.`;
        return send(
          res,
          413,
          { errors: [{ message, extensions: { code: "BAD_REQUEST" } }] },
          { ...cors, connection: "close" },
        );
      }
      let body: unknown = raw;
      if (raw && (headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = JSON.parse(raw);
        } catch {
          return send(
            res,
            400,
            {
              errors: [
                { message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } },
              ],
            },
            cors,
          );
        }
      }
      const result = await withRequestScope(limits.requestBudget, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
          context: () => buildContext(opts, req.headers.authorization),
        }),
      );
      const outHeaders: Record<string, string> = { ...cors };
      for (const [k, v] of result.headers) outHeaders[k] = v;
      res.writeHead(result.status ?? 200, outHeaders);
      if (result.body.kind === "complete") {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
      return;
    }
    if (url.pathname === OUTCOME_CSV_PATH && req.method === "GET")
      return handleOutcomeCsv(opts, req, res, url, cors);
    send(res, 404, { error: "Not found" }, cors);
  };

  const http: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(JSON.stringify({ level: "error", msg: "local api failure", error: String(e) }));
      if (!res.headersSent) send(res, 500, { error: "Internal error" });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    stop: async () => {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
      await apollo.stop();
    },
  };
}
