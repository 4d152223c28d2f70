import { apiOrigin } from "../config";
import { ApiError } from "../api/errors";
import type { Role } from "../gql/graphql";

/** A demo sign-in offered by the local API (local mode only). */
export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  groupName: string;
  sites: { id: string; name: string }[];
}

export interface IssuedToken {
  token: string;
  expiresAt: string;
}

async function getJson(url: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError("NETWORK", "The Needlework service could not be reached.");
  }
  if (!res.ok) throw new ApiError("INTERNAL_SERVER_ERROR", `The sign-in service answered ${res.status}.`);
  return res.json();
}

export async function listDemoUsers(): Promise<DemoUser[]> {
  const body = await getJson(`${apiOrigin()}/auth/local/users`);
  return Array.isArray(body) ? (body as DemoUser[]) : [];
}

export async function demoToken(email: string): Promise<IssuedToken> {
  const body = (await getJson(`${apiOrigin()}/auth/local/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  })) as Partial<IssuedToken>;
  if (typeof body.token !== "string") throw new ApiError("INTERNAL_SERVER_ERROR", "No token was issued.");
  return { token: body.token, expiresAt: body.expiresAt ?? new Date(Date.now() + 3600_000).toISOString() };
}
