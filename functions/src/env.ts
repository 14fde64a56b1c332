import { z } from "zod";

/** The API's configuration; nothing else in functions/ reads process.env. */
export const ApiEnv = z.object({
  TABLE_NAME: z.string().min(3).default("thidua"),
  AWS_REGION: z.string().default("ap-southeast-1"),
  /** DynamoDB Local's URL; unset on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Who signs the tokens: the Cognito user pool URL on AWS, the local identity provider locally. */
  AUTH_ISSUER: z.string().min(1),
  /** The Cognito app client id (the `aud` of its ID tokens). */
  AUTH_AUDIENCE: z.string().min(1),
  AUTH_JWKS_URL: z.url(),
  /** Told to the dashboard so it can sign in with Cognito. */
  COGNITO_USER_POOL_ID: z.string().min(1),
});
export type ApiEnv = z.infer<typeof ApiEnv>;

export function loadApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const parsed = ApiEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid API configuration: ${problems}`);
  }
  return parsed.data;
}
