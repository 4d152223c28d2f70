import type { TestProject } from "vitest/node";
import { startDynamoLocal, type DynamoLocal } from "@needlework/store/local";

/**
 * The one DynamoDB Local for a test run: started on a free port before any suite, stopped after.
 * Suites reach it through `inject("dynamoEndpoint")` (see ./dynamo.ts) and each creates its own table.
 */
let local: DynamoLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  local = await startDynamoLocal({ port: 0 });
  project.provide("dynamoEndpoint", local.endpoint);
}

export async function teardown(): Promise<void> {
  await local?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
