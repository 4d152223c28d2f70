import { beforeAll, describe, expect, test } from "vitest";
import { isDevStage } from "../../infra/stages";
import { only, type Synthesised, synthesise } from "./synth";

// A second stage needs its own initProject, hence its own file (and vitest worker).
let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("prod");
});

describe("a non-dev stage (prod)", () => {
  test("keeps the table, its key and the user pool: deletion protection on, Retain on remove", () => {
    expect(isDevStage("prod")).toBe(false);
    const table = only(s.database, "AWS::DynamoDB::Table");
    expect(table.props.DeletionProtectionEnabled).toBe(true);
    expect(table.deletionPolicy).toBe("Retain");
    expect(table.updateReplacePolicy).toBe("Retain");
    const key = only(s.database, "AWS::KMS::Key");
    expect(key.deletionPolicy).toBe("Retain");
    const pool = only(s.auth, "AWS::Cognito::UserPool");
    expect(pool.props.DeletionProtection).toBe("ACTIVE");
    expect(pool.deletionPolicy).toBe("Retain");
  });

  test("keeps the pseudonymisation secret (a new one would change every patient_key)", () => {
    const secret = only(s.database, "AWS::SecretsManager::Secret");
    expect(secret.deletionPolicy).toBe("Retain");
    expect(secret.updateReplacePolicy).toBe("Retain");
  });
});
