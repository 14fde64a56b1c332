import type { Template } from "aws-cdk-lib/assertions";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PASSWORD_MIN_LENGTH } from "../packages/core/src/identity/password-policy.rules.ts";
import { Auth, CUSTOM_ATTRIBUTES, operatorEmailFor } from "./auth.ts";
import { synthesize } from "./synthesize.ts";
import { resourceOf, resourcesOf } from "./testing.ts";

const customClaims = CUSTOM_ATTRIBUTES.map((a) => `custom:${a}`);

describe("Auth stack", () => {
  let test: Template;
  let prod: Template;
  beforeAll(async () => {
    vi.stubEnv("OPERATOR_EMAIL", "Ops@Example.gov.vn");
    test = (await synthesize([Auth], { stage: "test" })).template(Auth);
    prod = (await synthesize([Auth], { stage: "prod" })).template(Auth);
    vi.unstubAllEnvs();
  });
  afterEach(() => vi.unstubAllEnvs());

  it("signs in by email, and only operators create accounts", () => {
    const pool = resourceOf(test, "AWS::Cognito::UserPool").Properties;
    expect(pool.UsernameAttributes).toEqual(["email"]);
    expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
  });

  it("declares the custom attributes the API reads from ID tokens", () => {
    const schema = resourceOf(test, "AWS::Cognito::UserPool").Properties.Schema as Array<{ Name: string }>;
    expect(schema.map((a) => a.Name)).toEqual(expect.arrayContaining([...CUSTOM_ATTRIBUTES]));
  });

  it("lets the dashboard client read the province claims but never write them, nor the email", () => {
    const client = resourceOf(test, "AWS::Cognito::UserPoolClient").Properties;
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(customClaims));
    // Neither the province claims nor the email, by which the API finds a person to deactivate.
    expect(client.WriteAttributes).toEqual(["name"]);
  });

  it("gives the dashboard a public client (no secret) with SRP and password sign-in, no OAuth", () => {
    const client = resourceOf(test, "AWS::Cognito::UserPoolClient").Properties;
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
    );
    expect(client.AllowedOAuthFlows).toBeUndefined();
  });

  it("asks for passwords as the product does, and lets an invitation's temporary password work 72 hours", () => {
    const { PasswordPolicy } = resourceOf(test, "AWS::Cognito::UserPool").Properties.Policies;
    expect(PasswordPolicy).toMatchObject({
      MinimumLength: PASSWORD_MIN_LENGTH,
      RequireLowercase: false,
      RequireNumbers: false,
      RequireSymbols: false,
      RequireUppercase: false,
      TemporaryPasswordValidityDays: 3,
    });
  });

  it("issues 15-minute tokens, renewable for a 12-hour session and revocable", () => {
    const client = resourceOf(test, "AWS::Cognito::UserPoolClient").Properties;
    expect(client).toMatchObject({
      IdTokenValidity: 15,
      AccessTokenValidity: 15,
      RefreshTokenValidity: 720,
      TokenValidityUnits: { IdToken: "minutes", AccessToken: "minutes", RefreshToken: "minutes" },
      EnableTokenRevocation: true,
    });
  });

  it("creates the first operator from OPERATOR_EMAIL, invited by email", () => {
    const user = resourceOf(test, "AWS::Cognito::UserPoolUser").Properties;
    expect(user.Username).toBe("ops@example.gov.vn");
    expect(user.DesiredDeliveryMediums).toEqual(["EMAIL"]);
    expect(user.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: "email", Value: "ops@example.gov.vn" },
        { Name: "custom:role", Value: "operator" },
      ]),
    );
  });

  it("retains a production pool and its operator, and protects the pool from deletion", () => {
    const pool = resourceOf(prod, "AWS::Cognito::UserPool");
    expect(pool.Properties.DeletionProtection).toBe("ACTIVE");
    expect(pool.DeletionPolicy).toBe("Retain");
    expect(resourceOf(prod, "AWS::Cognito::UserPoolUser").DeletionPolicy).toBe("Retain");
    expect(resourceOf(test, "AWS::Cognito::UserPool").DeletionPolicy).toBe("Delete");
  });

  it("refuses to synthesize a deployable stage without OPERATOR_EMAIL, with a message saying what to do", async () => {
    vi.stubEnv("OPERATOR_EMAIL", "");
    await expect(synthesize([Auth], { stage: "staging" })).rejects.toThrow(
      /OPERATOR_EMAIL is not set.*\n.*OPERATOR_EMAIL=ops@example\.gov\.vn npx sst deploy --stage staging/,
    );
  });

  it("synthesizes the test stage without OPERATOR_EMAIL (no operator account) and removes any stage without it", async () => {
    vi.stubEnv("OPERATOR_EMAIL", "");
    const template = (await synthesize([Auth], { stage: "test" })).template(Auth);
    expect(resourcesOf(template, "AWS::Cognito::UserPoolUser")).toEqual([]);
    expect(operatorEmailFor("prod", "remove", {})).toBeUndefined();
    expect(() => operatorEmailFor("prod", "deploy", { OPERATOR_EMAIL: "not-an-email" })).toThrow(/not an email/);
  });
});
