import { setTimeout as sleep } from "node:timers/promises";
import { createAccount } from "@thidua/core/identity";
import type { SignInPolicy } from "@thidua/functions/auth";
import { freshTenant, readJson, testApp, testIdp, testSignInGuard } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

/** The default policy's shape, with limits a test can reach. */
const policy = (changes: Partial<SignInPolicy> = {}): SignInPolicy => ({
  account: { attempts: 5, windowSeconds: 600, lockSeconds: 60 },
  accountDaily: { attempts: 1000, lockSeconds: 3600 },
  client: { attempts: 10_000, windowSeconds: 600, lockSeconds: 600 },
  concurrentChecks: 2,
  ...changes,
});

/** An app whose sign-in is throttled by `guard`; tests name the client with a header. */
async function appWith(guard: ReturnType<typeof testSignInGuard>) {
  const app = await testApp({
    localSignIn: { issuer: await testIdp(), guard, clientOf: (c) => c.req.header("x-test-client") ?? "none" },
  });
  return (email: string, password: string, client = "browser") =>
    app.request("/api/auth/local/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-client": client },
      body: JSON.stringify({ email, password }),
    });
}

async function accounts(...names: string[]) {
  const { tenantId } = await freshTenant("signin");
  const emails = names.map((name) => `${name}@${tenantId}.test`);
  for (const email of emails)
    await createAccount({ email, name: "Cán bộ", role: "board", tenantId, password: "mat-khau-dung" });
  return emails;
}

describe("sign-in throttling", () => {
  it("answers a flood of 200 wrong passwords with 429s after 5 checks, while other accounts sign in", async () => {
    const guard = testSignInGuard(policy());
    const login = await appWith(guard);
    const [target, colleague] = await accounts("target", "colleague");

    const flood = await Promise.all(Array.from({ length: 200 }, () => login(target as string, "doan-bua", "attacker")));
    const statuses = flood.map((res) => res.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(195);
    const refused = flood.find((res) => res.status === 429);
    expect((await readJson(refused as Response)).error.code).toBe("auth.too_many_attempts");
    const retryAfter = Number(refused?.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The flood cost at most the allowed password checks: nothing queued up in front of other users.
    expect(guard.checks).toBeLessThanOrEqual(5);

    // Another account signs in meanwhile, at once; the targeted one is locked, even with the right password.
    expect((await login(colleague as string, "mat-khau-dung")).status).toBe(200);
    expect((await login(target as string, "mat-khau-dung")).status).toBe(429);
  });

  it("lets the owner in with the right password once the stated lock is over", async () => {
    const login = await appWith(
      testSignInGuard(policy({ account: { attempts: 2, windowSeconds: 600, lockSeconds: 1 } })),
    );
    const [email] = (await accounts("locked-out")) as [string];
    for (let i = 0; i < 2; i++) expect((await login(email, "sai")).status).toBe(401);
    // The attempt past the limit is the one that locks: refused, with the lock's length.
    const locked = await login(email, "mat-khau-dung");
    expect([locked.status, locked.headers.get("retry-after")]).toEqual([429, "1"]);
    await sleep(1200);
    expect((await login(email, "mat-khau-dung")).status).toBe(200);
  });

  it("holds a lock across processes: another instance refuses the locked account too", async () => {
    const strict = policy({ account: { attempts: 2, windowSeconds: 600, lockSeconds: 60 } });
    const first = await appWith(testSignInGuard(strict));
    const second = await appWith(testSignInGuard(strict)); // its own memory, the same limits table
    const [email] = (await accounts("roaming")) as [string];
    for (let i = 0; i < 2; i++) expect((await first(email, "sai")).status).toBe(401);
    expect((await first(email, "sai")).status).toBe(429);
    expect((await second(email, "mat-khau-dung")).status).toBe(429);
  });

  it("forgives an account's failed attempts once its owner signs in", async () => {
    const login = await appWith(
      testSignInGuard(policy({ account: { attempts: 3, windowSeconds: 600, lockSeconds: 60 } })),
    );
    const [email] = (await accounts("forgetful")) as [string];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await login(email, "sai-roi")).status).toBe(401);
      expect((await login(email, "mat-khau-dung")).status).toBe(200);
    }
  });

  it("locks longer once an account has failed too often in a day", async () => {
    const login = await appWith(
      testSignInGuard(
        policy({
          account: { attempts: 2, windowSeconds: 600, lockSeconds: 1 },
          accountDaily: { attempts: 4, lockSeconds: 600 },
        }),
      ),
    );
    const [email] = (await accounts("stubborn")) as [string];
    for (let i = 0; i < 2; i++) expect((await login(email, "sai")).status).toBe(401);
    const short = await login(email, "sai");
    expect([short.status, Number(short.headers.get("retry-after"))]).toEqual([429, 1]);
    await sleep(1200);
    for (let i = 0; i < 2; i++) await login(email, "sai");
    const long = await login(email, "mat-khau-dung");
    expect(long.status).toBe(429);
    expect(Number(long.headers.get("retry-after"))).toBeGreaterThan(60);
  });

  it("stops one client trying a password on many accounts", async () => {
    const login = await appWith(
      testSignInGuard(policy({ client: { attempts: 5, windowSeconds: 600, lockSeconds: 600 } })),
    );
    const emails = await accounts("a", "b", "c", "d", "e", "f");
    const statuses = [];
    for (const email of emails) statuses.push((await login(email, "123456", "sprayer")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another client is not held back by it.
    expect((await login(emails[5] as string, "mat-khau-dung", "office")).status).toBe(200);
  });
});
