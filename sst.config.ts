import type { SSTConfig } from "sst";
import { Api } from "./infra/Api";
import { Auth } from "./infra/Auth";
import { Database } from "./infra/Database";
import { LAMBDA_ARCHITECTURE, LAMBDA_RUNTIME } from "./infra/lambda-bundle";
import { Web } from "./infra/Web";

export default {
  config(_input) {
    return {
      name: "needlework",
      region: process.env.AWS_REGION ?? "eu-west-2",
    };
  },
  stacks(app) {
    app.setDefaultFunctionProps({
      runtime: LAMBDA_RUNTIME,
      architecture: LAMBDA_ARCHITECTURE,
      logRetention: "one_month",
    });
    app.stack(Database).stack(Auth).stack(Api).stack(Web);
  },
} satisfies SSTConfig;
