import type { LimitsStore } from "@thidua/core/db";
import { throttled } from "@thidua/core/error";
import { RateLimiterDynamo, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * How hard sign-in may be tried. Each attempt spends its points before the password is checked, so a flood
 * is refused (429 with Retry-After) before it costs a hash; a success gives the account's points back.
 */
export interface SignInPolicy {
  /** Attempts on one account within the window; past them the account is locked for `lockSeconds`. */
  account: { attempts: number; windowSeconds: number; lockSeconds: number };
  /** Attempts on one account within a day; past them, a longer lock: the delay grows. */
  accountDaily: { attempts: number; lockSeconds: number };
  /** Attempts from one client (address) within the window, whatever the account: password spraying. */
  client: { attempts: number; windowSeconds: number; lockSeconds: number };
  /** Passwords this process checks at once (each hash is ~50 ms of a CPU); the others wait their turn. */
  concurrentChecks: number;
}

export const defaultSignInPolicy: SignInPolicy = {
  account: { attempts: 5, windowSeconds: 15 * 60, lockSeconds: 5 * 60 },
  accountDaily: { attempts: 20, lockSeconds: 60 * 60 },
  client: { attempts: 100, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  concurrentChecks: 2,
};

export interface SignInGuard {
  /** Runs `check` (the password check) if neither the account nor the client is locked, counting the attempt. */
  attempt<T>(account: string, client: string, check: () => Promise<T>): Promise<T>;
  /** Passwords checked so far by this guard: what a flood cost. */
  readonly checks: number;
}

/** One at a time through a gate of `size`, in arrival order. */
function gate(size: number) {
  let open = size;
  const waiting: (() => void)[] = [];
  return async function through<T>(work: () => Promise<T>): Promise<T> {
    if (open === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    else open--;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else open++;
    }
  };
}

/**
 * Sign-in throttling with its counters in the limits table (see core's limitsTableDefinition), so they hold
 * across Lambda instances and restarts. Each limit is also counted in this process's memory first: a flood
 * on one account or from one client is refused there, without a database call, so it cannot queue up in
 * front of other users' sign-ins. `store` is the aggregated `DynamoDB` client the rate limiter expects.
 */
export function createSignInGuard({
  store,
  tableName,
  policy = defaultSignInPolicy,
}: {
  store: LimitsStore;
  tableName: string;
  policy?: SignInPolicy;
}): SignInGuard {
  const limits = [
    { on: "account", keyPrefix: "signin-account", ...policy.account },
    { on: "account", keyPrefix: "signin-account-day", ...policy.accountDaily, windowSeconds: 24 * 60 * 60 },
    { on: "client", keyPrefix: "signin-client", ...policy.client },
  ].map(({ on, keyPrefix, attempts, windowSeconds, lockSeconds }) => {
    const options = { keyPrefix, points: attempts, duration: windowSeconds, blockDuration: lockSeconds };
    return {
      on,
      points: attempts,
      lockSeconds,
      lockMs: lockSeconds * 1000,
      local: new RateLimiterMemory(options),
      shared: new RateLimiterDynamo({ ...options, storeClient: store, tableName, tableCreated: true, ttlSet: true }),
    };
  });
  const checking = gate(policy.concurrentChecks);
  let checks = 0;

  /** Spends a point of every limit in one store; refused by any, the caller waits for the last lock to end. */
  async function spend(store: "local" | "shared", keys: { account: string; client: string }) {
    const spent = await Promise.allSettled(limits.map((limit) => limit[store].consume(keys[limit.on as "account"])));
    const refused = spent.flatMap((outcome, i) => {
      if (outcome.status === "fulfilled") return [];
      if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
      return [{ limit: limits[i] as (typeof limits)[number], res: outcome.reason }];
    });
    // The attempt that locks a key here locks it for every process: the shared store hears of it once.
    if (store === "local")
      await Promise.all(
        refused
          .filter(({ limit, res }) => res.consumedPoints === limit.points + 1)
          .map(({ limit }) => limit.shared.block(keys[limit.on as "account"], limit.lockSeconds)),
      );
    // Past its points a key is locked for its lock time, whatever was left of its window.
    const waits = refused.map(({ limit, res }) => Math.min(res.msBeforeNext, limit.lockMs));
    if (waits.length) throw throttled("auth.too_many_attempts", Math.max(...waits) / 1000, "Too many sign-in attempts");
  }

  return {
    get checks() {
      return checks;
    },
    async attempt(account, client, check) {
      const keys = { account, client };
      await spend("local", keys);
      await spend("shared", keys);
      const result = await checking(() => {
        checks++;
        return check();
      });
      // The account's owner: its failed attempts are forgiven, and so is this attempt of the client.
      await Promise.all(
        limits.flatMap((limit) =>
          [limit.local, limit.shared].map((store) =>
            limit.on === "account" ? store.delete(account) : store.reward(client, 1),
          ),
        ),
      );
      return result;
    },
  };
}
