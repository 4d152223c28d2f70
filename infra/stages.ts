/**
 * Which stages are disposable. A disposable stage's table, key and user pool are destroyed by
 * `sst remove`; every other stage (prod, staging, a clinic group's own stage, a personal stage
 * nobody listed) keeps them, with deletion protection on. Unknown means "keep": losing clinical
 * records to a typo in a stage name is the failure we refuse.
 *
 * Configure with NEEDLEWORK_DEV_STAGES (comma-separated) when deploying; the default is "dev,test".
 */
export const DEFAULT_DEV_STAGES = ["dev", "test"] as const;

export function devStages(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.NEEDLEWORK_DEV_STAGES;
  if (!configured) return [...DEFAULT_DEV_STAGES];
  return configured
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isDevStage(stage: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return devStages(env).includes(stage);
}
