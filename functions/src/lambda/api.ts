import { configureDb, createClient } from "@thidua/core/db";
import { configureFiles, lazyS3Client } from "@thidua/core/files";
import { handle } from "hono/aws-lambda";
import { createApp } from "../api/app.ts";
import { createVerifier, remoteKeys } from "../auth/verifier.ts";
import { directoryOnFirstUse, functionOnFirstUse } from "../aws/on-first-use.ts";
import { createTenantCredentials } from "../aws/tenant-credentials.ts";
import { bodyLimitsOf, loadApiEnv } from "../env.ts";

// Module scope: built once per Lambda container, reused across invocations.
const env = loadApiEnv();
// On AWS, tenant items are reached only through the TenantDataRole, assumed per tenant (credentials
// cached in this module scope); the function's own role keeps the platform's `P#` items.
const tenantCredentials = env.TENANT_ROLE_ARN
  ? createTenantCredentials({ roleArn: env.TENANT_ROLE_ARN, region: env.AWS_REGION })
  : undefined;
// The national summaries (`N#`) through the NationalReadRole, which may only read them.
const nationalCredentials = env.NATIONAL_ROLE_ARN
  ? createTenantCredentials({ roleArn: env.NATIONAL_ROLE_ARN, region: env.AWS_REGION })
  : undefined;
configureDb({
  tableName: env.TABLE_NAME,
  client: createClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT }),
  ...(tenantCredentials ? { clientForTenant: tenantCredentials.clientFor } : {}),
  ...(nationalCredentials ? { clientForNational: () => nationalCredentials.clientFor("national") } : {}),
});
// Files likewise: a province's files through that role, which reaches only `T/<tenantId>/` of the bucket.
configureFiles({
  bucket: env.FILES_BUCKET,
  client: lazyS3Client({ region: env.AWS_REGION, endpoint: env.S3_ENDPOINT }),
  ...(tenantCredentials ? { clientForTenant: tenantCredentials.s3ClientFor } : {}),
});
const documentsFunction = env.DOCUMENTS_FUNCTION_NAME;
const app = createApp({
  limits: bodyLimitsOf(env),
  // Documents are drawn by their own function (with the Word and Excel generators), not in this bundle.
  // The Lambda and Cognito clients load on first use: few requests need them (documents, accounts).
  ...(documentsFunction
    ? {
        renderDocument: functionOnFirstUse(async () => {
          const { createLambdaClient, invokeRenderer } = await import("../documents/invoke.ts");
          return invokeRenderer({ functionName: documentsFunction, client: createLambdaClient(env.AWS_REGION) });
        }),
        previewDocument: functionOnFirstUse(async () => {
          const { createLambdaClient, invokePreviewer } = await import("../documents/invoke.ts");
          return invokePreviewer({ functionName: documentsFunction, client: createLambdaClient(env.AWS_REGION) });
        }),
      }
    : {}),
  // Exports, imports and erases run in the archive function, invoked without waiting.
  ...(env.ARCHIVE_FUNCTION_NAME
    ? {
        runArchiveJob: functionOnFirstUse(async () => {
          const [{ invokeArchiveRunner }, { createLambdaClient }] = await Promise.all([
            import("../archive/invoke.ts"),
            import("../documents/invoke.ts"),
          ]);
          return invokeArchiveRunner({
            functionName: env.ARCHIVE_FUNCTION_NAME as string,
            client: createLambdaClient(env.AWS_REGION),
          });
        }),
      }
    : {}),
  directory: directoryOnFirstUse("cognito", async () => {
    const [{ CognitoIdentityProviderClient }, { createCognitoDirectory }] = await Promise.all([
      import("@aws-sdk/client-cognito-identity-provider"),
      import("../aws/cognito-directory.ts"),
    ]);
    return createCognitoDirectory({
      client: new CognitoIdentityProviderClient({ region: env.AWS_REGION }),
      userPoolId: env.COGNITO_USER_POOL_ID,
    });
  }),
  verify: createVerifier({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, keys: remoteKeys(env.AUTH_JWKS_URL) }),
  authConfig: {
    provider: "cognito",
    region: env.AWS_REGION,
    userPoolId: env.COGNITO_USER_POOL_ID,
    clientId: env.AUTH_AUDIENCE,
  },
});

export const handler = handle(app);
