import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLocalIssuer } from "@needlework/api";
import { ID_TOKEN_VALIDITY_SECONDS } from "@needlework/core";
import { demoPrincipals } from "@needlework/store/local";

/** `npm run token -- --user EMAIL`: a bearer token from the local issuer for API clients. */
const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { user: { type: "string" }, expires: { type: "string" } } });
const users = demoPrincipals();
const user = users.find((u) => u.email.toLowerCase() === (values.user ?? "").toLowerCase());
if (!user && values.user) {
  // Not a demo user: maybe one invited through the admin API. The running local API knows them.
  const api = `http://localhost:${process.env.API_PORT ?? 4000}/auth/local/token`;
  const res = await fetch(api, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: values.user }),
  }).catch(() => undefined);
  if (res?.ok) {
    console.log(((await res.json()) as { token: string }).token);
    process.exit(0);
  }
}
if (!user) {
  console.error(
    `Usage: npm run token -- --user EMAIL\nDemo users: ${users.map((u) => u.email).join(", ")}\n(Users invited through the admin API need \`npm start\` running.)`,
  );
  process.exit(2);
}
// The API refuses tokens valid for longer than Cognito's ID tokens (core ID_TOKEN_VALIDITY_SECONDS).
const expiresIn = values.expires === undefined ? ID_TOKEN_VALIDITY_SECONDS : Number(values.expires);
if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > ID_TOKEN_VALIDITY_SECONDS) {
  console.error(`--expires: whole seconds from 1 to ${ID_TOKEN_VALIDITY_SECONDS}`);
  process.exit(2);
}
const issuer = await createLocalIssuer(process.env.NEEDLEWORK_DATA_DIR ?? join(root, ".data"));
console.log(await issuer.sign(user, { expiresIn }));
