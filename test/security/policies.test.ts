import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { ROOT_POLICIES, TYPE_POLICIES } from "../../packages/api/src/authz";
import { typeDefs } from "../../packages/api/src/generated/sdl";

/**
 * Deny by default, checked statically: every Query and Mutation field has a policy in
 * packages/api/src/authz.ts (without one the API refuses the field for everyone), and the types that
 * carry identified patient data are closed to analysts wherever they are reached.
 */
const schema = buildSchema(typeDefs);

describe("access policies", () => {
  it("declares a policy for every root field of the schema", () => {
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ];
    expect(fields.filter((f) => !ROOT_POLICIES[f])).toEqual([]);
  });

  it("keeps analysts and practitioners out of administration and the audit trail", () => {
    for (const [field, policy] of Object.entries(ROOT_POLICIES)) {
      if (/^(Query\.(sites|users|audit\w*)|Mutation\.(\w*Site|\w*User))$/.test(field)) {
        expect(policy.roles, field).toEqual(["CLINIC_ADMIN"]);
      }
      if (/[pP]atient/.test(field)) expect(policy.roles, field).not.toContain("ANALYST");
    }
  });

  it("closes every type holding identified patient data to analysts", () => {
    for (const type of [
      "Patient",
      "User",
      "AuditEntry",
      ...["Consultation", "Concern", "TreatmentPlan", "TreatmentSession", "Assessment"].filter((t) =>
        schema.getType(t),
      ),
    ]) {
      expect(TYPE_POLICIES[type], type).toBeDefined();
      expect(TYPE_POLICIES[type], type).not.toContain("ANALYST");
    }
  });
});
