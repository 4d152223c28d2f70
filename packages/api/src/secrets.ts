import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { Analytics, type PseudonymSecretSource } from "@needlework/store";

/**
 * Where the stage's pseudonymisation secret is read (the store derives each group's key from it:
 * packages/store/src/analytics/secret.ts).
 *
 * - deployed: a Secrets Manager secret of the stage (infra/Database.ts), encrypted with the stage's KMS
 *   key; the function may read only that secret. Read on first use, once per cold start.
 * - locally: a file in the data directory, made on first start (0600).
 */

export interface SecretsManagerSecret extends PseudonymSecretSource {
  /** The SDK client (tests count its calls). */
  readonly client: SecretsManagerClient;
}

/** The secret's value as Secrets Manager holds it: 64 random letters and digits (infra/Database.ts). */
export function secretsManagerSecret(opts: {
  secretId: string;
  region?: string | undefined;
  /** An emulator's URL (tests: moto). Credentials are then dummies. */
  endpoint?: string | undefined;
}): SecretsManagerSecret {
  const client = new SecretsManagerClient({
    region: opts.region ?? process.env.AWS_REGION ?? "us-east-1",
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 3000 },
    ...(opts.endpoint
      ? { endpoint: opts.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  let value: Promise<string> | undefined;
  return {
    client,
    read() {
      value ??= client
        .send(new GetSecretValueCommand({ SecretId: opts.secretId }))
        .then((res) => {
          if (typeof res.SecretString !== "string")
            throw new Error("the pseudonymisation secret has no string value");
          return Analytics.checkSecret(res.SecretString);
        })
        .catch((e: unknown) => {
          // Not cached: the next request tries again (a throttle or a network blip is not for the cold start's life).
          value = undefined;
          throw e;
        });
      return value;
    },
  };
}

export const LOCAL_SECRET_FILE = "pseudonym-secret";

/**
 * The local secret: `<dir>/pseudonym-secret`, created with 64 random hex characters and mode 0600 if
 * it is not there (never overwritten: another process may have made it first).
 */
export function localSecretFile(dir: string): PseudonymSecretSource {
  const file = join(dir, LOCAL_SECRET_FILE);
  let value: string | undefined;
  return {
    read() {
      if (value === undefined) {
        mkdirSync(dir, { recursive: true });
        try {
          writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
        }
        value = Analytics.checkSecret(readFileSync(file, "utf8").trim());
      }
      return Promise.resolve(value);
    },
  };
}

/**
 * The Lambda's source: PSEUDONYM_SECRET_ARN (deployed; SECRETS_MANAGER_ENDPOINT points at an emulator
 * in tests), or PSEUDONYM_SECRET_FILE (the built bundle run locally, e.g. by the benchmarks).
 */
export function pseudonymSecretFromEnv(env: NodeJS.ProcessEnv = process.env): PseudonymSecretSource {
  if (env.PSEUDONYM_SECRET_ARN) {
    return secretsManagerSecret({
      secretId: env.PSEUDONYM_SECRET_ARN,
      endpoint: env.SECRETS_MANAGER_ENDPOINT,
    });
  }
  if (env.PSEUDONYM_SECRET_FILE) {
    const path = env.PSEUDONYM_SECRET_FILE;
    return { read: async () => Analytics.checkSecret(readFileSync(path, "utf8").trim()) };
  }
  throw new Error("PSEUDONYM_SECRET_ARN (or PSEUDONYM_SECRET_FILE locally) must be set");
}
