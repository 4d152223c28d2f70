import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapGroup, Groups } from "@needlework/store";
import { createTestDb, snapshotTable } from "../support/dynamo";

describe("creating a clinic group for a new deployment", () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb("bootstrap");
  });
  afterAll(async () => db.drop());

  const input = {
    groupId: "acme",
    name: "Acme Aesthetics",
    sites: [
      { id: "north", name: "North" },
      { id: "south", name: "South" },
    ],
    admin: { sub: "3f1c-sub", email: "Admin@Acme.example", name: "Ada Admin" },
  };

  it("writes the group, its sites and an active administrator whose id is the Cognito sub", async () => {
    await bootstrapGroup(db, input);
    expect((await Groups.getGroup(db, "acme"))?.name).toBe("Acme Aesthetics");
    expect((await Groups.listSites(db, "acme")).map((s) => s.name).sort()).toEqual(["North", "South"]);
    const admin = await Groups.getUser(db, "acme", "3f1c-sub");
    expect(admin).toMatchObject({ role: "CLINIC_ADMIN", active: true, email: "admin@acme.example" });
  });

  it("refuses an existing group and bad input, writing nothing", async () => {
    const before = await snapshotTable(db);
    await expect(bootstrapGroup(db, input)).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    await expect(
      bootstrapGroup(db, {
        ...input,
        groupId: "Bad Id",
        sites: [],
        admin: { sub: "", email: "x", name: "" },
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await snapshotTable(db)).toEqual(before);
  });

  it("refuses an administrator whose email a user of another group already has, writing nothing", async () => {
    const before = await snapshotTable(db);
    const error = await bootstrapGroup(db, {
      ...input,
      groupId: "other",
      admin: { sub: "9a9a-sub", email: "ADMIN@acme.example", name: "Same Email" },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "BAD_USER_INPUT",
      fields: [{ path: "admin.email", reason: "already belongs to a Needlework user" }],
    });
    expect(await snapshotTable(db)).toEqual(before);
  });
});
