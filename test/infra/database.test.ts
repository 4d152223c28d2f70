import { beforeAll, describe, expect, test } from "vitest";
import { keyAttributes, tableDefinition } from "../../packages/store/src/table";
import { arnOf, only, type Synthesised, synthesise } from "./synth";

// "test" is a dev stage (infra/stages.ts): the retained, protected variant is in retention.prod.test.ts.
let s: Synthesised;
beforeAll(async () => {
  s = await synthesise("test");
});

describe("Database stack", () => {
  test("the table's keys, attributes and indexes are the store's tableDefinition", () => {
    const { props } = only(s.database, "AWS::DynamoDB::Table");
    const def = tableDefinition;
    const keySchema = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: "HASH" },
      { AttributeName: sk, KeyType: "RANGE" },
    ];
    expect(props.KeySchema).toEqual(keySchema(def.partitionKey.name, def.sortKey.name));
    expect(props.AttributeDefinitions).toEqual(
      keyAttributes(def).map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
    );
    expect(props.GlobalSecondaryIndexes).toEqual(
      def.globalIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: keySchema(g.partitionKey.name, g.sortKey.name),
        Projection: { ProjectionType: g.projection },
      })),
    );
    expect(props.LocalSecondaryIndexes).toBeUndefined();
  });

  test("billing is on demand (no provisioned capacity to pay for at rest)", () => {
    const { props } = only(s.database, "AWS::DynamoDB::Table");
    expect(props.BillingMode).toBe("PAY_PER_REQUEST");
    expect(props.ProvisionedThroughput).toBeUndefined();
  });

  test("point-in-time recovery is on", () => {
    const { props } = only(s.database, "AWS::DynamoDB::Table");
    expect(props.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  test("TTL is enabled on the definition's expiry attribute (idempotency records)", () => {
    const { props } = only(s.database, "AWS::DynamoDB::Table");
    expect(props.TimeToLiveSpecification).toEqual({
      AttributeName: tableDefinition.timeToLiveAttribute,
      Enabled: true,
    });
  });

  test("the table is encrypted with the stack's own KMS key, which rotates", () => {
    const table = only(s.database, "AWS::DynamoDB::Table");
    const key = only(s.database, "AWS::KMS::Key");
    expect(table.props.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: "KMS",
      KMSMasterKeyId: arnOf(key.logicalId),
    });
    expect(key.props.EnableKeyRotation).toBe(true);
  });

  test("on a dev stage the table and key are removable: no deletion protection, Delete policy", () => {
    const table = only(s.database, "AWS::DynamoDB::Table");
    const key = only(s.database, "AWS::KMS::Key");
    expect(table.props.DeletionProtectionEnabled).toBe(false);
    expect(table.deletionPolicy).toBe("Delete");
    expect(key.deletionPolicy).toBe("Delete");
  });

  test("the pseudonymisation secret: one Secrets Manager secret of the stage, under the stage's key, generated", () => {
    const secret = only(s.database, "AWS::SecretsManager::Secret");
    const key = only(s.database, "AWS::KMS::Key");
    expect(secret.props.KmsKeyId).toEqual(arnOf(key.logicalId));
    expect(secret.props.Name).toBe("needlework/test/pseudonym-secret");
    // CloudFormation makes the value: never in the template, nor typed by anyone.
    expect(secret.props.SecretString).toBeUndefined();
    expect(secret.props.GenerateSecretString).toMatchObject({ PasswordLength: 64, ExcludePunctuation: true });
    expect(secret.deletionPolicy).toBe("Delete");
  });
});
