import type { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { PRESIGNED_URL_MAX_SECONDS } from "@thidua/core/files";
import { describe, expect, it } from "vitest";
import {
  createTenantCredentials,
  PRESIGN_MARGIN_MS,
  REFRESH_MARGIN_MS,
  type StsSend,
  sessionName,
} from "./tenant-credentials.ts";

const roleArn = "arn:aws:iam::123456789012:role/test-thidua-TenantDataRole";
const HOUR = 3_600_000;

/**
 * A stand-in for STS: there is no STS offline, so these tests prove the cache and the
 * request we send, not that AWS honours the session tag (the infra tests assert the policy).
 */
function fakeSts(clock: { now: number }) {
  const calls: AssumeRoleCommand["input"][] = [];
  const send: StsSend = async (command) => {
    calls.push(command.input);
    const n = calls.length;
    return {
      Credentials: {
        AccessKeyId: `AKIA${n}`,
        SecretAccessKey: `secret-${n}`,
        SessionToken: `token-${n}-${command.input.Tags?.[0]?.Value}`,
        Expiration: new Date(clock.now + HOUR),
      },
    };
  };
  return { send, calls };
}

describe("tenant credentials (STS faked: no STS offline)", () => {
  it("assumes the tenant role with a TenantId session tag and a session name", async () => {
    const clock = { now: Date.parse("2026-03-01T00:00:00Z") };
    const sts = fakeSts(clock);
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send: sts.send, now: () => clock.now });

    await creds.credentialsFor("an-giang");

    expect(sts.calls).toEqual([
      {
        RoleArn: roleArn,
        RoleSessionName: "tenant-an-giang",
        DurationSeconds: 3600,
        Tags: [{ Key: "TenantId", Value: "an-giang" }],
      },
    ]);
  });

  it("reuses cached credentials until near expiry (STS faked: no STS offline)", async () => {
    const clock = { now: Date.parse("2026-03-01T00:00:00Z") };
    const sts = fakeSts(clock);
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send: sts.send, now: () => clock.now });

    const first = await creds.credentialsFor("an-giang");
    clock.now += HOUR - REFRESH_MARGIN_MS - 1_000; // still more than the margin left
    expect(await creds.credentialsFor("an-giang")).toBe(first);
    expect(sts.calls).toHaveLength(1);

    clock.now += 2_000; // now inside the renewal margin
    const renewed = await creds.credentialsFor("an-giang");
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(sts.calls).toHaveLength(2);
  });

  it("keeps one session per tenant and shares one AssumeRole among concurrent requests", async () => {
    const clock = { now: Date.parse("2026-03-01T00:00:00Z") };
    const sts = fakeSts(clock);
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send: sts.send, now: () => clock.now });

    const [a1, a2, b] = await Promise.all([
      creds.credentialsFor("an-giang"),
      creds.credentialsFor("an-giang"),
      creds.credentialsFor("ben-tre"),
    ]);

    expect(a1).toBe(a2);
    expect(b.sessionToken).toContain("ben-tre");
    expect(sts.calls.map((c) => c.Tags?.[0]?.Value)).toEqual(["an-giang", "ben-tre"]);
  });

  it("does not cache a failed AssumeRole", async () => {
    const clock = { now: Date.parse("2026-03-01T00:00:00Z") };
    const sts = fakeSts(clock);
    let failNext = true;
    const send: StsSend = async (command) => {
      if (failNext) {
        failNext = false;
        throw new Error("AccessDenied");
      }
      return sts.send(command);
    };
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send, now: () => clock.now });

    await expect(creds.credentialsFor("an-giang")).rejects.toThrow("AccessDenied");
    await expect(creds.credentialsFor("an-giang")).resolves.toMatchObject({ accessKeyId: "AKIA1" });
  });

  it("gives each tenant one DynamoDB client that signs with that tenant's credentials", async () => {
    const clock = { now: Date.parse("2026-03-01T00:00:00Z") };
    const sts = fakeSts(clock);
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send: sts.send, now: () => clock.now });

    const client = creds.clientFor("an-giang");
    expect(creds.clientFor("an-giang")).toBe(client);
    expect(creds.clientFor("ben-tre")).not.toBe(client);

    const identity = await (await client).config.credentials();
    expect(identity.sessionToken).toContain("an-giang");
  });

  it("gives each tenant one S3 client signing with credentials that outlive the longest presigned URL", async () => {
    const clock = { now: Date.now() }; // the SDK's own cache of identities reads the real clock
    const sts = fakeSts(clock);
    const creds = createTenantCredentials({ roleArn, region: "ap-southeast-1", send: sts.send, now: () => clock.now });

    const client = creds.s3ClientFor("an-giang");
    expect(creds.s3ClientFor("an-giang")).toBe(client);
    expect(creds.s3ClientFor("ben-tre")).not.toBe(client);
    const identity = await (await client).config.credentials();
    expect(identity.sessionToken).toContain("an-giang");
    // Told an earlier expiry, the SDK asks again before a URL could outlive the session.
    expect(identity.expiration?.getTime()).toBe(clock.now + HOUR - PRESIGNED_URL_MAX_SECONDS * 1000);

    // Within the presigning margin but not the usual one: DynamoDB keeps the session, S3 gets a new one.
    clock.now += HOUR - PRESIGN_MARGIN_MS + 1_000;
    const kept = await creds.credentialsFor("an-giang");
    expect(sts.calls).toHaveLength(1);
    const renewed = await creds.credentialsFor("an-giang", PRESIGN_MARGIN_MS);
    expect(renewed.accessKeyId).not.toBe(kept.accessKeyId);
    expect(renewed.expiration.getTime() - clock.now).toBeGreaterThan(PRESIGN_MARGIN_MS);
  });

  it("builds session names AWS accepts", () => {
    expect(sessionName("ho-chi-minh")).toBe("tenant-ho-chi-minh");
    expect(sessionName("x".repeat(80))).toHaveLength(64);
    expect(sessionName("a b/c")).toBe("tenant-a_b_c");
  });
});
