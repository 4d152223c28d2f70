import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSchema } from "graphql";
import { generatedSdlPath, renderSdlModule } from "../scripts/sdl";

describe("the SDL module bundled into the Lambda", () => {
  it("is current with packages/api/src/schema (run `npm run codegen` after editing SDL)", () => {
    expect(readFileSync(generatedSdlPath, "utf8")).toBe(renderSdlModule());
  });

  it("is a valid schema on its own", async () => {
    const { typeDefs } = (await import("../packages/api/src/generated/sdl")) as { typeDefs: string };
    expect(() => buildSchema(typeDefs)).not.toThrow();
  });

  it("lists every root field of the schema, so authz wraps each one (deny by default)", async () => {
    const { typeDefs, rootFields } = await import("../packages/api/src/generated/sdl");
    const schema = buildSchema(typeDefs);
    expect([...rootFields.Query].sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
    expect([...rootFields.Mutation].sort()).toEqual(
      Object.keys(schema.getMutationType()!.getFields()).sort(),
    );
    expect(rootFields.Query.length).toBeGreaterThan(10);
  });
});
