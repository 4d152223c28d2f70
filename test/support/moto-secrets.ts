import { tmpdir } from "node:os";
import { CreateSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { freePort, startWatchedService } from "@needlework/store/local";

/**
 * moto's server (the machine's Python moto, `moto_server`) on a free port, for tests of the deployed
 * pseudonymisation secret reader against a real Secrets Manager API, offline. Started like the other
 * emulators (packages/store/src/local/service.ts): its own process group and a watchdog.
 */
export interface MotoSecrets {
  endpoint: string;
  client: SecretsManagerClient;
  /** Creates a secret with this value and returns its ARN. */
  createSecret(name: string, value: string): Promise<string>;
  stop(): Promise<void>;
}

export const MOTO_REGION = "eu-west-2";

export async function startMotoSecrets(): Promise<MotoSecrets> {
  const port = await freePort();
  const service = await startWatchedService({
    name: "moto_server",
    command: "moto_server",
    args: ["-H", "127.0.0.1", "-p", String(port)],
    port,
    cwd: tmpdir(),
    timeoutMs: 60_000,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new SecretsManagerClient({
    endpoint,
    region: MOTO_REGION,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  return {
    endpoint,
    client,
    async createSecret(name, value) {
      const created = await client.send(new CreateSecretCommand({ Name: name, SecretString: value }));
      if (!created.ARN) throw new Error("moto created a secret without an ARN");
      return created.ARN;
    },
    stop: () => service.stop(),
  };
}
