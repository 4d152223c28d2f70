import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSecretFile, LOCAL_SECRET_FILE, secretsManagerSecret } from "@needlework/api";
import { Deidentify } from "@needlework/core";
import { Analytics, createDb, staticPseudonymSecret } from "@needlework/store";
import { seedDemo } from "@needlework/store/local";
import { createTestDb, snapshotTable, TEST_PSEUDONYM_SECRET } from "../support/dynamo";
import { MOTO_REGION, startMotoSecrets, type MotoSecrets } from "../support/moto-secrets";

/**
 * The pseudonymisation secret is outside the table: deployed it is read from Secrets Manager (here
 * moto's), once per cold start; each group's key is derived from it; nothing in the table holds the
 * secret or a key derived from it, so a table backup alone cannot link a patient_key to a patient.
 */
describe("the pseudonymisation secret", () => {
  let moto: MotoSecrets;
  beforeAll(async () => {
    moto = await startMotoSecrets();
  });
  afterAll(async () => moto?.stop());

  it("deployed: read from Secrets Manager once, whatever the number of reads", async () => {
    const value = randomBytes(32).toString("hex");
    const arn = await moto.createSecret(`needlework/test/pseudonym-${Date.now()}`, value);
    const source = secretsManagerSecret({ secretId: arn, endpoint: moto.endpoint, region: MOTO_REGION });
    let calls = 0;
    source.client.middlewareStack.add(
      (next) => async (args) => {
        calls += 1;
        return next(args);
      },
      { step: "initialize", name: "countCalls" },
    );
    const reads = await Promise.all([source.read(), source.read(), source.read()]);
    expect(reads).toEqual([value, value, value]);
    expect(await source.read()).toBe(value);
    expect(calls).toBe(1);

    // Through the store: every group's key comes from it, with no further call.
    const db = createDb({ endpoint: "http://127.0.0.1:9", tableName: "unused", pseudonymSecret: source });
    expect(await Analytics.groupSecret(db, "glow")).toBe(Analytics.deriveGroupKey(value, "glow"));
    expect(await Analytics.groupSecret(db, "northside")).toBe(Analytics.deriveGroupKey(value, "northside"));
    expect(calls).toBe(1);
  });

  it("deployed: a failed read is not kept, and the next one tries again", async () => {
    const name = `needlework/test/late-${Date.now()}`;
    const source = secretsManagerSecret({ secretId: name, endpoint: moto.endpoint, region: MOTO_REGION });
    await expect(source.read()).rejects.toThrow();
    const value = randomBytes(32).toString("hex");
    await moto.createSecret(name, value);
    expect(await source.read()).toBe(value);
  });

  it("deployed: a value too short to be a secret is refused", async () => {
    const arn = await moto.createSecret(`needlework/test/short-${Date.now()}`, "short");
    const source = secretsManagerSecret({ secretId: arn, endpoint: moto.endpoint, region: MOTO_REGION });
    await expect(source.read()).rejects.toThrow(/at least 32 characters/);
  });

  it("each group's key is derived with a label: unrelated across groups, never the stage secret itself", () => {
    const stage = randomBytes(32).toString("hex");
    const glow = Analytics.deriveGroupKey(stage, "glow");
    expect(glow).toMatch(/^[0-9a-f]{64}$/);
    expect(Analytics.deriveGroupKey(stage, "glow")).toBe(glow);
    expect(Analytics.deriveGroupKey(stage, "northside")).not.toBe(glow);
    expect(Analytics.deriveGroupKey(randomBytes(32).toString("hex"), "glow")).not.toBe(glow);
    // The same patient: another patient_key in another group, and under another stage secret.
    const key = (s: string, g: string) => Deidentify.pseudonymousKey(Analytics.deriveGroupKey(s, g), "p1");
    expect(key(stage, "glow")).not.toBe(key(stage, "northside"));
    expect(key(stage, "glow")).not.toBe(Deidentify.pseudonymousKey(stage, "p1"));
  });

  it("locally: a file in the data directory, made once with mode 0600 and never overwritten", async () => {
    const dir = mkdtempSync(join(tmpdir(), "needlework-secret-"));
    try {
      const first = await localSecretFile(join(dir, "data")).read();
      const file = join(dir, "data", LOCAL_SECRET_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(await localSecretFile(join(dir, "data")).read()).toBe(first);
      expect(readFileSync(file, "utf8")).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a table holding analytics holds neither the secret nor a key derived from it", async () => {
    const db = await createTestDb("secret");
    try {
      await seedDemo(db, () => undefined);
      const stage = await TEST_PSEUDONYM_SECRET.read();
      const table = (await snapshotTable(db)).join("\n");
      expect(table).toContain("patientKey");
      for (const material of [
        stage,
        Analytics.deriveGroupKey(stage, "glow"),
        Analytics.deriveGroupKey(stage, "northside"),
      ]) {
        expect(table).not.toContain(material);
      }
      expect(table).not.toMatch(/"sk":\{"S":"SECRET"\}/);
      // Without the secret, the analytics cannot be written or read: nothing falls back to the table.
      const bare = createDb({ endpoint: "http://127.0.0.1:9", tableName: db.tableName });
      await expect(Analytics.groupSecret(bare, "glow")).rejects.toThrow(/pseudonymisation secret/);
      expect(() => staticPseudonymSecret("too short")).toThrow(/at least 32/);
    } finally {
      await db.drop();
    }
  });
});
