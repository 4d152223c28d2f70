import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapGroup, gateWrites, GroupSettings, Groups, withRequestScope } from "@needlework/store";
import { batchGet, keyString } from "../../packages/store/src/clinical/read";
import { createTestDb, snapshotTable } from "../support/dynamo";

/**
 * Reads made in the same turn of one request share one BatchGetItem; writes wait for the request's
 * gate (the API's signed-in user check). Both against DynamoDB Local.
 */
describe("reads shared within a request, writes held by its gate", () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb("batching");
    await bootstrapGroup(db, {
      groupId: "acme",
      name: "Acme Aesthetics",
      sites: [
        { id: "north", name: "North" },
        { id: "south", name: "South" },
      ],
      admin: { sub: "admin-sub", email: "admin@acme.example", name: "Ada Admin" },
    });
  });
  afterAll(async () => db.drop());

  it("sends the reads of one turn as one BatchGetItem, each caller getting what it asked for", async () => {
    const { result, scope } = await withRequestScope(100, async (scope) => {
      const result = await Promise.all([
        Groups.getUser(db, "acme", "admin-sub"),
        Groups.getSites(db, "acme", ["south", "missing", "north"]),
        Groups.getGroup(db, "acme"),
        GroupSettings.getSettings(db, "acme"),
      ]);
      return { result, scope };
    });
    expect(scope.byOperation).toEqual({ BatchGetItem: 1 });
    const [user, sites, group, settings] = result;
    expect(user).toMatchObject({ id: "admin-sub", role: "CLINIC_ADMIN", active: true });
    expect(sites.map((s) => s?.name)).toEqual(["South", undefined, "North"]);
    expect(group?.name).toBe("Acme Aesthetics");
    expect(settings.version).toBe(0);
  });

  it("gives each caller only its own keys, and reads in a later turn go out separately", async () => {
    const scope = await withRequestScope(100, async (scope) => {
      const a = batchGet(db, [{ pk: "G#acme", sk: "SITE#north" }]);
      const b = batchGet(db, [{ pk: "G#acme", sk: "SITE#south" }]);
      const [ma, mb] = await Promise.all([a, b]);
      expect([...ma.keys()]).toEqual([keyString({ pk: "G#acme", sk: "SITE#north" })]);
      expect([...mb.keys()]).toEqual([keyString({ pk: "G#acme", sk: "SITE#south" })]);
      await Groups.getSite(db, "acme", "north");
      return scope;
    });
    expect(scope.byOperation).toEqual({ BatchGetItem: 2 });
  });

  it("never shares a call between two requests", async () => {
    const scopes = await Promise.all(
      [1, 2].map(() =>
        withRequestScope(100, async (scope) => {
          await Groups.getSites(db, "acme", ["north"]);
          return scope;
        }),
      ),
    );
    expect(scopes.map((s) => s.calls)).toEqual([1, 1]);
  });

  it("splits more than 100 distinct keys into calls of 100 and asks for a repeated key once", async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `s${i}`);
    const scope = await withRequestScope(100, async (scope) => {
      const [first, again] = await Promise.all([
        Groups.getSites(db, "acme", [...ids, "north"]),
        Groups.getSites(db, "acme", ["north", "north"]),
      ]);
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(again.map((s) => s?.name)).toEqual(["North", "North"]);
      return scope;
    });
    expect(scope.byOperation).toEqual({ BatchGetItem: 2 });
  });

  it("fails every caller of a failed call", async () => {
    db.faultHook = ({ operation }) => (operation === "BatchGetItem" ? new TypeError("boom") : undefined);
    try {
      const results = await withRequestScope(100, () =>
        Promise.allSettled([Groups.getGroup(db, "acme"), Groups.getSites(db, "acme", ["north"])]),
      );
      expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    } finally {
      db.faultHook = undefined;
    }
  });

  const put = (sk: string) =>
    db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: "G#acme", sk, type: "Probe" } }));

  it("refuses every write of a request whose gate fails, with the gate's error, and writes nothing", async () => {
    const before = await snapshotTable(db);
    const refused = new Error("not allowed in");
    await expect(
      withRequestScope(100, async () => {
        expect(gateWrites(Promise.reject(refused))).toBe(true);
        // Reads still go out.
        expect((await Groups.getGroup(db, "acme"))?.name).toBe("Acme Aesthetics");
        await put("PROBE#refused");
      }),
    ).rejects.toBe(refused);
    expect(await snapshotTable(db)).toEqual(before);
  });

  it("holds a write until the gate opens", async () => {
    const order: string[] = [];
    await withRequestScope(100, async () => {
      let open!: () => void;
      gateWrites(new Promise<void>((resolve) => (open = resolve)));
      const write = put("PROBE#held").then(() => order.push("written"));
      await new Promise((r) => setTimeout(r, 50));
      order.push("gate opens");
      open();
      await write;
    });
    expect(order).toEqual(["gate opens", "written"]);
    expect(gateWrites(Promise.resolve())).toBe(false);
  });
});
