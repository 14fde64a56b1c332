import { RemovalPolicy } from "aws-cdk-lib";

/**
 * Stages that hold real provinces' data. Their table and user pool are retained on
 * `sst remove` and protected against deletion; every other stage (dev, personal stages,
 * pull-request stages, "test") is disposable and removed whole.
 */
export const PRODUCTION_STAGES: readonly string[] = ["prod", "staging"];

export const isProductionStage = (stage: string): boolean => PRODUCTION_STAGES.includes(stage);

/** RETAIN for production stages, DESTROY for the others. */
export const removalPolicyFor = (stage: string): RemovalPolicy =>
  isProductionStage(stage) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

/** The stage offline tests synthesize; the only one allowed to skip OPERATOR_EMAIL. */
export const TEST_STAGE = "test";
