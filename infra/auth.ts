import { Duration } from "aws-cdk-lib";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type { StackContext } from "sst/constructs";
import { PASSWORD_MIN_LENGTH } from "../packages/core/src/identity/password-policy.rules.ts";
import { accept } from "./accept-findings.ts";
import { isProductionStage, removalPolicyFor, TEST_STAGE } from "./stage.ts";

/** The custom attributes the API reads from ID tokens as `custom:role`, `custom:tenant`, `custom:unit`. */
export const CUSTOM_ATTRIBUTES = ["tenant", "role", "unit"] as const;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The first operator's email, from OPERATOR_EMAIL. Required to deploy any stage but the
 * offline test stage (a pool without self sign-up and without an operator could never be
 * signed into); not needed to remove a stage.
 */
export function operatorEmailFor(
  stage: string,
  mode: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const email = env.OPERATOR_EMAIL?.trim();
  if (email) {
    if (!EMAIL.test(email)) throw new Error(`OPERATOR_EMAIL is not an email address: "${email}"`);
    return email.toLowerCase();
  }
  if (stage === TEST_STAGE || mode === "remove") return undefined;
  throw new Error(
    `OPERATOR_EMAIL is not set. Deploying stage "${stage}" creates the first operator account from it:\n` +
      `  OPERATOR_EMAIL=ops@example.gov.vn npx sst deploy --stage ${stage}\n` +
      `(or put OPERATOR_EMAIL in .env.${stage}). Keep the same value on every later deploy.`,
  );
}

/** Cognito user pool: email sign-in, accounts created by operators only, province claims read-only to users. */
export function Auth({ app, stack }: StackContext) {
  const production = isProductionStage(app.stage);

  const userPool = new cognito.UserPool(stack, "UserPool", {
    userPoolName: app.logicalPrefixedName("users"),
    featurePlan: cognito.FeaturePlan.LITE,
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    signInCaseSensitive: false,
    autoVerify: { email: true },
    keepOriginal: { email: true },
    standardAttributes: {
      email: { required: true, mutable: true },
      fullname: { required: false, mutable: true },
    },
    // Mutable so operators can move an account (admin APIs); the app client below cannot write them.
    customAttributes: {
      tenant: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      role: new cognito.StringAttribute({ minLen: 1, maxLen: 16, mutable: true }),
      unit: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
    },
    // As the product's own rule (core/identity/password-policy.rules.ts): long, no character classes. The
    // list of common passwords is the local provider's; Cognito checks it only on its Plus plan.
    passwordPolicy: {
      minLength: PASSWORD_MIN_LENGTH,
      requireLowercase: false,
      requireDigits: false,
      requireUppercase: false,
      requireSymbols: false,
      // An invitation's temporary password works for three days (72 hours).
      tempPasswordValidity: Duration.days(3),
    },
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    userInvitation: {
      emailSubject: "Tài khoản thidua / Your thidua account",
      emailBody:
        "Bạn được mời dùng thidua. Tên đăng nhập: {username}, mật khẩu tạm thời: {####}, dùng được trong 3 ngày; " +
        "lần đăng nhập đầu tiên bạn đặt mật khẩu của mình.<br/>" +
        "You are invited to thidua. Username: {username}, temporary password: {####}, valid for 3 days; " +
        "at your first sign-in you choose your own password.",
    },
    deletionProtection: production,
    removalPolicy: removalPolicyFor(app.stage),
  });

  accept(userPool, {
    "AwsSolutions-COG1": `Length over composition (NIST SP 800-63B): at least ${PASSWORD_MIN_LENGTH} characters, no forced character classes`,
    "AwsSolutions-COG2":
      "MFA is optional in the pool but the dashboard does not offer it yet: an open point for the operators' and boards' accounts",
    "AwsSolutions-COG3":
      "Threat protection needs Cognito's Plus plan (per-user cost); sign-in is throttled per account and client by Cognito",
  });

  const client = userPool.addClient("DashboardClient", {
    userPoolClientName: "dashboard",
    generateSecret: false,
    authFlows: { userSrp: true, userPassword: true },
    disableOAuth: true,
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    // Short tokens, renewed from the refresh token for a working day: a deactivated account's tokens
    // stop working within 15 minutes (AdminUserGlobalSignOut revokes its refresh tokens at once).
    idTokenValidity: Duration.minutes(15),
    accessTokenValidity: Duration.minutes(15),
    refreshTokenValidity: Duration.hours(12),
    readAttributes: new cognito.ClientAttributes()
      .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
      .withCustomAttributes(...CUSTOM_ATTRIBUTES),
    // The province claims are written by the API through admin actions only; so is the email, which is
    // how the API finds the person again (one who changed it could not be deactivated).
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
  });

  const operatorEmail = operatorEmailFor(app.stage, app.mode);
  if (operatorEmail) {
    // Created on the first deploy; Cognito emails a temporary password. Changing OPERATOR_EMAIL later
    // replaces this resource: on production stages the previous operator is kept (RETAIN).
    const operator = new cognito.CfnUserPoolUser(stack, "OperatorUser", {
      userPoolId: userPool.userPoolId,
      username: operatorEmail,
      desiredDeliveryMediums: ["EMAIL"],
      userAttributes: [
        { name: "email", value: operatorEmail },
        { name: "email_verified", value: "true" },
        { name: "custom:role", value: "operator" },
      ],
    });
    operator.applyRemovalPolicy(removalPolicyFor(app.stage));
  }

  // The `iss` claim of the pool's tokens (CloudFormation's ProviderURL lacks the scheme).
  const issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${userPool.userPoolId}`;
  stack.addOutputs({ UserPoolId: userPool.userPoolId, UserPoolClientId: client.userPoolClientId });
  return {
    userPool,
    client,
    operatorEmail,
    /** The `iss` of Cognito's tokens and where its public keys are. */
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
  };
}
