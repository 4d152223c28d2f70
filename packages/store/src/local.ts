/**
 * `@needlework/store/local`: what only runs on a developer's machine, in tests and in the benchmark,
 * never in the Lambda: the DynamoDB Local launcher and the demo seed, with the modules that register
 * the seed's clinical history. The Lambda imports `@needlework/store` only; keeping these behind their
 * own entry means the deployed bundle never depends on tree-shaking to leave them out (test/bundle
 * checks that it does not carry them).
 */
export {
  startDynamoLocal,
  checkJava,
  freePort,
  JavaMissingError,
  type DynamoLocal,
  type DynamoLocalOptions,
} from "./local/dynamo-local";
export { startWatchedService, type WatchedService } from "./local/service";
export { DATA_LAYOUT, readLayout, writeLayout } from "./local/layout";
export {
  seedDemo,
  demoGroups,
  demoPrincipals,
  registerSeeder,
  type DemoGroup,
  type GroupSeeder,
  type Progress,
} from "./seed/demo";
// The seed's clinical history registers itself on import (consultations and plans, the serum
// catalogue, sessions and assessments, then the analytics records rebuilt from them).
export { clinicalADemo, demoPlanRefs } from "./seed/clinical-a";
export { demoSerums, demoSerumId, demoLots } from "./seed/clinical-b";
import "./seed/analytics";
