import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { buildSchema, getNamedType, isInputObjectType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseGlobalId, toGlobalId } from "@needlework/api";
import { Keys } from "@needlework/store";
import { typeDefs } from "../../packages/api/src/generated/sdl";
import { codes, startTestApi, type TestApi } from "../support/api";
import { snapshotTable } from "../support/dynamo";
import { patientId, patientInput, siteId } from "./fixtures";

/**
 * Tenant isolation beyond the matrix: cursors and global ids from another group (or another list)
 * never work, and fields the server sets (group, version, createdBy, timestamps) cannot come from
 * input: the SDL has no such input field, GraphQL refuses one sent anyway, and what is stored comes
 * from the verified token.
 */
const LIST = `query($s: ID!, $after: String, $first: Int) { patients(siteId: $s, first: $first, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
const SITES = `query($after: String) { sites(first: 1, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
const USERS = `query($after: String) { users(first: 1, after: $after) { edges { node { id } } pageInfo { endCursor } } }`;
const TRAIL = `query($p: ID!, $after: String) { auditTrail(patientId: $p, first: 1, after: $after) { edges { node { action } } pageInfo { endCursor } } }`;
const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");

type Page = { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };

describe("cursors and ids from elsewhere", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("refuses another group's cursor, even one it gave out, with BAD_USER_INPUT and no data", async () => {
    const { zoe, ian, ava, mia } = api.users;
    const theirs = await api.gql<{ patients: Page }>(LIST, { s: siteId("otherGroup"), first: 1 }, zoe);
    const theirCursor = theirs.data!.patients.pageInfo.endCursor;
    expect(theirCursor).toBeTruthy();
    for (const as of [ava, mia]) {
      const r = await api.gql(LIST, { s: siteId("own"), after: theirCursor }, as);
      expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
      expect(r.data ?? null).toBeNull();
    }
    const theirSites = await api.gql<{ sites: Page }>(SITES, {}, ian);
    expect(codes(await api.gql(SITES, { after: theirSites.data!.sites.pageInfo.endCursor }, mia))).toEqual([
      "BAD_USER_INPUT",
    ]);
  });

  it("refuses forged cursors: another group's keys, another site's list, another list, junk", async () => {
    const { ava, mia } = api.users;
    const forged = [
      cursor({
        pk: "G#northside#P#demo-northside-p01",
        sk: "PROFILE",
        gsi1pk: "G#northside#S#central#PATIENTS",
        gsi1sk: "nilsson pia#x",
      }),
      // Glow's own prefix, but Riverside's list, used on Harbour Street.
      cursor({
        pk: "G#glow#P#demo-glow-p08",
        sk: "PROFILE",
        gsi1pk: "G#glow#S#riverside#PATIENTS",
        gsi1sk: "ibrahim keira#demo-glow-p08",
      }),
      // A prefix trick: a group whose id starts with "glow".
      cursor({ pk: "G#glowx#P#1", sk: "PROFILE", gsi1pk: "G#glowx#S#harbour#PATIENTS", gsi1sk: "a" }),
      cursor({ pk: "G#glow", sk: "SITE#harbour" }),
      cursor({ gsi1pk: "G#glow#S#harbour#PATIENTS", gsi1sk: "a", pk: { S: "G#northside" } }),
      cursor([1, 2]),
      "not-base64-!!",
      Buffer.from("{not json").toString("base64url"),
    ];
    for (const after of forged) {
      for (const as of [ava, mia]) {
        const r = await api.gql(LIST, { s: siteId("own"), after }, as);
        expect(codes(r), after).toEqual(["BAD_USER_INPUT"]);
      }
    }
    // A sites cursor in the users list, and another patient's audit cursor.
    const sites = await api.gql<{ sites: Page }>(SITES, {}, mia);
    expect(codes(await api.gql(USERS, { after: sites.data!.sites.pageInfo.endCursor }, mia))).toEqual([
      "BAD_USER_INPUT",
    ]);
    await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId("own") }, ava);
    await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: patientId("own") }, ava);
    const trail = await api.gql<{ auditTrail: { pageInfo: { endCursor: string } } }>(
      TRAIL,
      { p: patientId("own") },
      mia,
    );
    const other = await api.gql(
      TRAIL,
      { p: patientId("otherSite"), after: trail.data!.auditTrail.pageInfo.endCursor },
      mia,
    );
    expect(codes(other)).toEqual(["BAD_USER_INPUT"]);
  });

  it("treats another group's global ids as missing, and ids of the wrong type as bad input", async () => {
    const { mia, ava } = api.users;
    const theirs = [
      patientId("otherGroup"),
      siteId("otherGroup"),
      toGlobalId("User", "u-zoe"),
      toGlobalId("User", "u-ian"),
    ];
    for (const id of theirs) {
      const r = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, mia);
      expect(codes(r), parseGlobalId(id)?.localId).toEqual(["NOT_FOUND"]);
      expect(r.data?.node ?? null).toBeNull();
    }
    // A Site id where a Patient id belongs, and a made-up type.
    expect(
      codes(await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: siteId("own") }, ava)),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      codes(
        await api.gql(
          `query($id: ID!) { node(id: $id) { id } }`,
          { id: toGlobalId("Group", "northside") },
          mia,
        ),
      ),
    ).toEqual(["NOT_FOUND"]);
    // A local id that smuggles another group's key.
    const smuggled = toGlobalId("Patient", "x#G#northside#P#demo-northside-p01");
    expect(
      codes(await api.gql(`query($id: ID!) { patient(id: $id) { id } }`, { id: smuggled }, mia)),
    ).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("idempotency keys", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.stop());

  it("never replay one user's result to another user of the group, even for the same request", async () => {
    const CREATE = `mutation($input: PatientInput!, $key: String) { createPatient(input: $input, idempotencyKey: $key) { patient { id } } }`;
    const vars = { input: patientInput(siteId("own"), { familyName: "Keyed" }), key: "shared-key-0001" };
    const first = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, vars, api.users.ava);
    expect(first.errors).toBeUndefined();
    const again = await api.gql<{ createPatient: { patient: { id: string } } }>(CREATE, vars, api.users.ava);
    expect(again.data?.createPatient.patient.id).toBe(first.data!.createPatient.patient.id);
    for (const other of [api.users.sam, api.users.mia]) {
      const r = await api.gql(CREATE, vars, other);
      expect(codes(r)).toEqual(["BAD_USER_INPUT"]);
      expect(JSON.stringify(r)).not.toContain(first.data!.createPatient.patient.id);
    }
  });
});

describe("server-set fields never come from input", () => {
  const SERVER_SET =
    /^(group|groupId|tenant|version|createdBy|createdAt|updatedBy|updatedAt|archivedAt|userId|role)$/;
  const schema = buildSchema(typeDefs);

  it("no input type of the SDL has a server-set field", () => {
    const offending: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type) || type.name.startsWith("__")) continue;
      for (const f of Object.values(type.getFields())) {
        // `role` is what an admin assigns to another user, not the caller's own.
        if (SERVER_SET.test(f.name) && !(type.name.startsWith("User") && f.name === "role"))
          offending.push(`${type.name}.${f.name}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("no mutation argument names the group, the author or a timestamp (version is the concurrency check only)", () => {
    const offending: string[] = [];
    for (const [name, field] of Object.entries(schema.getMutationType()!.getFields())) {
      for (const a of field.args) {
        if (SERVER_SET.test(a.name) && a.name !== "version") offending.push(`${name}(${a.name})`);
        if (a.name === "version") expect(getNamedType(a.type).name, `${name}(version)`).toBe("Int");
      }
    }
    expect(offending).toEqual([]);
    expect(isObjectType(schema.getType("Patient"))).toBe(true);
  });

  describe("through the API", () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(async () => api?.stop());

    it("refuses a server-set field sent in input and writes nothing", async () => {
      const before = await snapshotTable(api.db);
      const CREATE = `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`;
      for (const extra of [
        { groupId: "northside" },
        { version: 7 },
        { createdBy: "u-mia" },
        { createdAt: "2020-01-01T00:00:00Z" },
        { id: "mine" },
      ]) {
        const r = await api.gql(CREATE, { input: patientInput(siteId("own"), extra) });
        expect(codes(r), JSON.stringify(extra)).toEqual(["BAD_USER_INPUT"]);
      }
      const inline = await api.gql(
        `mutation { createSite(input: { name: "X", groupId: "northside" }) { site { id } } }`,
        {},
        api.users.mia,
      );
      expect(codes(inline)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(await snapshotTable(api.db)).toEqual(before);
    });

    it("stores the group, author, version and timestamps from the token and the clock", async () => {
      const t0 = new Date().toISOString();
      const created = await api.gql<{ createPatient: { patient: { id: string } } }>(
        `mutation($input: PatientInput!) { createPatient(input: $input) { patient { id } } }`,
        { input: patientInput(siteId("own")) },
        api.users.ava,
      );
      const local = parseGlobalId(created.data!.createPatient.patient.id)!.localId;
      const item = (
        await api.db.doc.send(
          new GetCommand({ TableName: api.db.tableName, Key: Keys.patientProfile("glow", local) }),
        )
      ).Item!;
      expect(item).toMatchObject({ groupId: "glow", createdBy: "u-ava", updatedBy: "u-ava", version: 1 });
      expect(String(item.createdAt) >= t0).toBe(true);

      const site = await api.gql<{ createSite: { site: { id: string; version: number } } }>(
        `mutation { createSite(input: { name: "Token Town" }) { site { id version } } }`,
        {},
        api.users.mia,
      );
      expect(site.data!.createSite.site.version).toBe(1);
      const siteLocal = parseGlobalId(site.data!.createSite.site.id)!.localId;
      const siteItem = (
        await api.db.doc.send(
          new GetCommand({ TableName: api.db.tableName, Key: Keys.site("glow", siteLocal) }),
        )
      ).Item!;
      expect(siteItem).toMatchObject({ groupId: "glow", createdBy: "u-mia", version: 1 });

      const invited = await api.gql<{ inviteUser: { user: { id: string } } }>(
        `mutation($input: UserInput!) { inviteUser(input: $input) { user { id } } }`,
        { input: { email: "Token.Test@Glow.example", name: "Token Test", role: "ANALYST" } },
        api.users.mia,
      );
      const userLocal = parseGlobalId(invited.data!.inviteUser.user.id)!.localId;
      const userItem = (
        await api.db.doc.send(
          new GetCommand({ TableName: api.db.tableName, Key: Keys.user("glow", userLocal) }),
        )
      ).Item!;
      expect(userItem).toMatchObject({
        groupId: "glow",
        createdBy: "u-mia",
        version: 1,
        active: true,
        email: "token.test@glow.example",
        siteIds: [],
      });
    });
  });
});
