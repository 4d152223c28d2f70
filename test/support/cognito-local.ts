import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { ROLES } from "@needlework/core";
import { freePort, startWatchedService } from "@needlework/store/local";

/**
 * cognito-local (the npm package cognito-local@5.3.0, an offline emulator of the Cognito user pool
 * API) on a free port, with its data in a temporary directory, for tests of the deployed identity
 * provider without AWS. Started like DynamoDB Local (packages/store/src/local/dynamo-local.ts): its own
 * process group, a shell watchdog that stops it if this process dies without cleaning up, and a
 * stop() that waits for it to exit and removes its data.
 */
export interface CognitoLocal {
  endpoint: string;
  port: number;
  /** A client for the emulator (dummy credentials), for setting up and asserting. */
  client: CognitoIdentityProviderClient;
  /** Creates a user pool shaped like infra/Auth.ts's (email usernames, the custom attributes, one group per role). */
  createUserPool(name?: string): Promise<string>;
  stop(): Promise<void>;
}

function startScript(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("cognito-local/package.json")), "lib/bin/start.js");
}

export function emulatorClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: "eu-west-2",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
}

export async function startCognitoLocal(opts: { verbose?: boolean } = {}): Promise<CognitoLocal> {
  const port = await freePort();
  // It keeps its config and data under ./.cognito of its working directory.
  const dir = mkdtempSync(join(tmpdir(), "needlework-cognito-"));
  const service = await startWatchedService({
    name: "cognito-local",
    command: "node",
    args: [startScript()],
    port,
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DEBUG: "" },
    verbose: opts.verbose,
  }).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  });
  const stop = async (): Promise<void> => {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = emulatorClient(endpoint);
  return {
    endpoint,
    port,
    client,
    async createUserPool(name = "needlework-test") {
      const pool = await client.send(
        new CreateUserPoolCommand({
          PoolName: name,
          UsernameAttributes: ["email"],
          AutoVerifiedAttributes: ["email"],
          Schema: [
            { Name: "name", AttributeDataType: "String", Mutable: true, Required: true },
            { Name: "clinicGroup", AttributeDataType: "String", Mutable: true },
            { Name: "sites", AttributeDataType: "String", Mutable: true },
          ],
        }),
      );
      const id = pool.UserPool?.Id;
      if (!id) throw new Error("cognito-local created a pool without an id");
      for (const role of ROLES) {
        await client.send(new CreateGroupCommand({ UserPoolId: id, GroupName: role }));
      }
      return id;
    },
    stop,
  };
}
