import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createAccount } from "@thidua/core/identity";
import { defaultSignInPolicy, type SignInPolicy } from "@thidua/functions/auth";
import { freshTenant, readJson, testApp, testDirectory, testIdp, testSignInGuard } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

/** The default policy, with the changes a test needs to reach a limit. */
const policy = (changes: Partial<SignInPolicy> = {}): SignInPolicy => ({ ...defaultSignInPolicy, ...changes });

/**
 * An app whose sign-in is throttled by `guard`; tests name the client's address with a header. Addresses
 * are the test's own (`network`), as counters live in one table for the whole run.
 */
async function appWith(guard: ReturnType<typeof testSignInGuard>, network: string = randomUUID()) {
  const app = await testApp({
    localSignIn: {
      issuer: await testIdp(),
      guard,
      directory: testDirectory(),
      clientOf: (c) => `${network}/${c.req.header("x-test-client") ?? "none"}`,
    },
  });
  return (email: string, password: string, client = "office") =>
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
  it("answers a flood of 200 wrong passwords with 429s after 5 checks, and the owner still signs in", async () => {
    const guard = testSignInGuard(policy());
    const login = await appWith(guard);
    const [target, colleague] = (await accounts("target", "colleague")) as [string, string];

    const flood = await Promise.all(Array.from({ length: 200 }, () => login(target, "doan-bua", "attacker")));
    const statuses = flood.map((res) => res.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(195);
    const refused = flood.find((res) => res.status === 429) as Response;
    expect((await readJson(refused)).error.code).toBe("auth.too_many_attempts");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // The pair's lock, or the address's once the flood passed its own limit.
    expect(retryAfter).toBeLessThanOrEqual(defaultSignInPolicy.client.lockSeconds);
    // The flood cost at most the allowed password checks: nothing queued up in front of other users.
    expect(guard.checks).toBeLessThanOrEqual(5);

    // The attacker is locked out even with the right password; the owner and a colleague are not.
    expect((await login(target, "mat-khau-dung", "attacker")).status).toBe(429);
    expect((await login(target, "mat-khau-dung", "office")).status).toBe(200);
    expect((await login(colleague, "mat-khau-dung", "office")).status).toBe(200);
  });

  it("lets the right password in from an address once its stated lock is over", async () => {
    const login = await appWith(testSignInGuard(policy({ pair: { attempts: 2, windowSeconds: 600, lockSeconds: 1 } })));
    const [email] = (await accounts("locked-out")) as [string];
    for (let i = 0; i < 2; i++) expect((await login(email, "sai")).status).toBe(401);
    // The attempt past the limit is the one that locks: refused, with the lock's length.
    const locked = await login(email, "mat-khau-dung");
    expect([locked.status, locked.headers.get("retry-after")]).toEqual([429, "1"]);
    await sleep(1200);
    expect((await login(email, "mat-khau-dung")).status).toBe(200);
  });

  it("holds a lock across processes: another instance refuses the locked pair too", async () => {
    const strict = policy({ pair: { attempts: 2, windowSeconds: 600, lockSeconds: 60 } });
    const network = randomUUID();
    const first = await appWith(testSignInGuard(strict), network);
    const second = await appWith(testSignInGuard(strict), network); // its own memory, the same limits table
    const [email] = (await accounts("roaming")) as [string];
    for (let i = 0; i < 2; i++) expect((await first(email, "sai")).status).toBe(401);
    expect((await first(email, "sai")).status).toBe(429);
    expect((await second(email, "mat-khau-dung")).status).toBe(429);
  });

  it("forgives an account's failures from an address once its owner signs in there", async () => {
    const login = await appWith(
      testSignInGuard(policy({ pair: { attempts: 3, windowSeconds: 600, lockSeconds: 60 } })),
    );
    const [email] = (await accounts("forgetful")) as [string];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await login(email, "sai-roi")).status).toBe(401);
      expect((await login(email, "mat-khau-dung")).status).toBe(200);
    }
  });

  it("locks a pair longer once it has failed too often in a day", async () => {
    const login = await appWith(
      testSignInGuard(
        policy({
          pair: { attempts: 3, windowSeconds: 600, lockSeconds: 1 },
          pairDaily: { attempts: 4, lockSeconds: 600 },
        }),
      ),
    );
    const [email] = (await accounts("stubborn")) as [string];
    for (let i = 0; i < 3; i++) expect((await login(email, "sai")).status).toBe(401);
    const short = await login(email, "sai");
    expect([short.status, Number(short.headers.get("retry-after"))]).toEqual([429, 1]);
    await sleep(1200);
    expect((await login(email, "sai")).status).toBe(401); // the day's fourth failure
    const long = await login(email, "mat-khau-dung");
    expect(long.status).toBe(429);
    expect(Number(long.headers.get("retry-after"))).toBeGreaterThan(60);
  });

  it("stops one address trying a password on many accounts", async () => {
    const login = await appWith(
      testSignInGuard(policy({ client: { attempts: 5, windowSeconds: 600, lockSeconds: 600 } })),
    );
    const emails = await accounts("a", "b", "c", "d", "e", "f");
    const statuses = [];
    for (const email of emails) statuses.push((await login(email, "123456", "sprayer")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another address is not held back by it.
    expect((await login(emails[5] as string, "mat-khau-dung", "office")).status).toBe(200);
  });

  it("locks an account for everyone after too many failures from many addresses", async () => {
    const login = await appWith(testSignInGuard(policy({ account: { attempts: 6, lockSeconds: 600 } })));
    const [email] = (await accounts("targeted")) as [string];
    for (const address of ["a", "b", "c"]) for (let i = 0; i < 2; i++) await login(email, "doan", address);
    expect((await login(email, "mat-khau-dung", "office")).status).toBe(429);
  });
});
