import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createLocalIssuer } from "@needlework/api";
import { demoPrincipals } from "@needlework/store";

/** `npm run token -- --user EMAIL`: a bearer token from the local issuer for API clients. */
const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { user: { type: "string" }, expires: { type: "string" } } });
const users = demoPrincipals();
const user = users.find((u) => u.email.toLowerCase() === (values.user ?? "").toLowerCase());
if (!user) {
  console.error(`Usage: npm run token -- --user EMAIL\nDemo users: ${users.map((u) => u.email).join(", ")}`);
  process.exit(2);
}
const issuer = await createLocalIssuer(process.env.NEEDLEWORK_DATA_DIR ?? join(root, ".data"));
console.log(await issuer.sign(user, { expiresIn: values.expires ?? "8h" }));
