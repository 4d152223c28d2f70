import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as kms from "aws-cdk-lib/aws-kms";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import { Table, type StackContext, type TableProps } from "sst/constructs";
import { keyAttributes, tableDefinition, type KeyAttribute } from "../packages/store/src/table";
import { isDevStage } from "./stages";

type FieldType = NonNullable<TableProps["fields"]>[string];
const FIELD_TYPE: Record<KeyAttribute["type"], FieldType> = { S: "string", N: "number" };

/**
 * The one DynamoDB table, built from the store's single definition so the deployed keys and
 * indexes cannot drift from what the code queries.
 */
export function Database({ stack, app }: StackContext) {
  const keep = !isDevStage(app.stage);
  const removalPolicy = keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

  // A customer-managed key: the clinic group owns the key policy and can audit every use in CloudTrail.
  const key = new kms.Key(stack, "TableKey", {
    description: `Needlework ${app.stage}: DynamoDB table encryption`,
    enableKeyRotation: true,
    // Retained with the table: a deleted key makes a retained table (and its backups) unreadable.
    removalPolicy,
  });
  key.addAlias(`alias/needlework/${app.stage}/table`);

  const def = tableDefinition;
  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyAttributes(def).map((a) => [a.name, FIELD_TYPE[a.type]])),
    primaryIndex: { partitionKey: def.partitionKey.name, sortKey: def.sortKey.name },
    globalIndexes: Object.fromEntries(
      def.globalIndexes.map((g) => [
        g.indexName,
        {
          partitionKey: g.partitionKey.name,
          sortKey: g.sortKey.name,
          projection: g.projection === "ALL" ? ("all" as const) : ("keys_only" as const),
        },
      ]),
    ),
    timeToLiveAttribute: def.timeToLiveAttribute,
    cdk: {
      table: {
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        // SST defaults the deprecated flag to true; CDK refuses both, so clear it.
        pointInTimeRecovery: undefined,
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: key,
        deletionProtection: keep,
        removalPolicy,
      },
    },
  });

  // The pseudonymisation secret (analysts' patient_key), outside the table so that a table export or
  // backup alone cannot re-identify anyone; under the same customer-managed key. CloudFormation
  // generates the value, so it never passes through a template, a pipeline or a person. Kept with
  // the table: a new secret changes every patient_key (docs/SECURITY.md, Rotation).
  const pseudonymSecret = new secretsmanager.Secret(stack, "PseudonymSecret", {
    secretName: `needlework/${app.stage}/pseudonym-secret`,
    description: `Needlework ${app.stage}: the key of analysts' pseudonymous patient keys`,
    encryptionKey: key,
    generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    removalPolicy,
  });

  stack.addOutputs({ TableName: table.tableName });
  return { table, key, pseudonymSecret };
}
