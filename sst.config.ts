import { Stack } from "aws-cdk-lib";
import type { SSTConfig } from "sst";
import { acceptSstStackHelper } from "./infra/accept-findings.ts";
import { Api } from "./infra/api.ts";
import { Auth } from "./infra/auth.ts";
import { isProductionStage } from "./infra/stage.ts";
import { Storage } from "./infra/storage.ts";
import { Web } from "./infra/web.ts";

/**
 * thidua on AWS: `OPERATOR_EMAIL=ops@example.gov.vn npx sst deploy --stage prod`.
 * See docs/deploy.md for what this creates, what it costs and how to remove a stage.
 */
export default {
  config() {
    return {
      name: "thidua",
      // Singapore: the closest region to Vietnam offering every service used here.
      region: "ap-southeast-1",
    };
  },
  stacks(app) {
    // Disposable stages lose everything on `sst remove`; production stages keep data (infra/stage.ts).
    if (!isProductionStage(app.stage)) app.setDefaultRemovalPolicy("destroy");
    app.stack(Storage);
    app.stack(Auth);
    app.stack(Api);
    app.stack(Web);
    for (const stack of app.node.children) if (stack instanceof Stack) acceptSstStackHelper(stack);
  },
} satisfies SSTConfig;
