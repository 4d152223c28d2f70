import { parseArgs } from "node:util";
import { bootstrapGroup, createDb } from "@needlework/store";

/**
 * `npm run create-group -- --id glow --name "Glow Clinics" --site harbour="Harbour Street"
 *    --admin-sub <cognito sub> --admin-email admin@clinic.example --admin-name "Clinic Admin"`
 * Creates a clinic group, its sites and its first administrator in a deployed table (TABLE_NAME and
 * AWS credentials from the environment) or locally (DYNAMODB_ENDPOINT). See infra/DEPLOY.md.
 */
const { values } = parseArgs({
  options: {
    id: { type: "string" },
    name: { type: "string" },
    site: { type: "string", multiple: true },
    "admin-sub": { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
  },
});
const sites = (values.site ?? []).map((s) => {
  const [id, ...rest] = s.split("=");
  return { id: id ?? "", name: rest.join("=") };
});
try {
  await bootstrapGroup(createDb(), {
    groupId: values.id ?? "",
    name: values.name ?? "",
    sites,
    admin: {
      sub: values["admin-sub"] ?? "",
      email: values["admin-email"] ?? "",
      name: values["admin-name"] ?? "",
    },
  });
  console.log(`Created clinic group ${values.id} with ${sites.length} site(s) and its administrator.`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
