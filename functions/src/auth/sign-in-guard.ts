import type { LimitsStore } from "@thidua/core/db";
import { throttled } from "@thidua/core/error";
import { type RateLimiterAbstract, RateLimiterDynamo, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

interface Limit {
  attempts: number;
  windowSeconds: number;
  lockSeconds: number;
}

/**
 * How hard sign-in may be tried. Guessing is counted per account *and* address, so nobody can lock an
 * account for its owner by failing on purpose from elsewhere; per address, against spraying one password
 * over many accounts; and per account with a high ceiling, against guessing spread over many addresses.
 * Every attempt spends its points before the password is checked, so a flood is refused (429 with
 * Retry-After) before it costs a hash; a success forgives the account's failures from that address.
 */
export interface SignInPolicy {
  /** Attempts on one account from one address; past them, that pair is locked. */
  pair: Limit;
  /** The same pair over a day, with a longer lock: the delay grows. */
  pairDaily: Omit<Limit, "windowSeconds">;
  /** Attempts from one address, whatever the account. */
  client: Limit;
  /** Attempts on one account from anywhere over a day. */
  account: Omit<Limit, "windowSeconds">;
  /** Passwords this process checks at once (each hash is ~50 ms of a CPU); up to `waiting` more queue. */
  checks: { concurrent: number; waiting: number };
}

export const defaultSignInPolicy: SignInPolicy = {
  pair: { attempts: 5, windowSeconds: 15 * 60, lockSeconds: 5 * 60 },
  pairDaily: { attempts: 20, lockSeconds: 60 * 60 },
  client: { attempts: 100, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  account: { attempts: 200, lockSeconds: 60 * 60 },
  checks: { concurrent: 2, waiting: 100 },
};

export interface SignInGuard {
  /** Runs `check` (the password check) unless a limit refuses the attempt, counting it. */
  attempt<T>(account: string, client: string, check: () => Promise<T>): Promise<T>;
  /** Passwords checked so far by this guard: what a flood cost. */
  readonly checks: number;
}

const DAY = 24 * 60 * 60;

/** At most `size` at once, in arrival order; past `waiting` in the queue, a refusal rather than a long wait. */
function gate(size: number, waiting: number) {
  let open = size;
  const queue: (() => void)[] = [];
  return async function through<T>(work: () => Promise<T>): Promise<T> {
    if (open === 0) {
      if (queue.length >= waiting) throw throttled("auth.too_many_attempts", 1, "Too many sign-ins at once");
      await new Promise<void>((resolve) => queue.push(resolve));
    } else open--;
    try {
      return await work();
    } finally {
      const next = queue.shift();
      if (next) next();
      else open++;
    }
  };
}

/**
 * Sign-in throttling with its counters in the limits table (see core's limitsTableDefinition), so they hold
 * across Lambda instances and restarts. The short limits are counted in this process's memory first: a
 * flood from one address is refused there, without a database call, so it cannot queue up in front of
 * other users' sign-ins. `store` is the aggregated `DynamoDB` client the rate limiter expects.
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
  const shared = (keyPrefix: string, { attempts, windowSeconds, lockSeconds }: Limit) =>
    new RateLimiterDynamo({
      storeClient: store,
      tableName,
      tableCreated: true,
      ttlSet: true,
      keyPrefix,
      points: attempts,
      duration: windowSeconds,
      blockDuration: lockSeconds,
    });
  const local = (keyPrefix: string, { attempts, windowSeconds, lockSeconds }: Limit) =>
    new RateLimiterMemory({ keyPrefix, points: attempts, duration: windowSeconds, blockDuration: lockSeconds });
  // In the order they are tried: a refusal spends nothing further.
  const limits = [
    {
      on: "client",
      ...policy.client,
      memory: local("signin-client", policy.client),
      store: shared("signin-client", policy.client),
    },
    {
      on: "pair",
      ...policy.pair,
      memory: local("signin-pair", policy.pair),
      store: shared("signin-pair", policy.pair),
    },
    {
      on: "pair",
      windowSeconds: DAY,
      ...policy.pairDaily,
      store: shared("signin-pair-day", { windowSeconds: DAY, ...policy.pairDaily }),
    },
    {
      on: "account",
      windowSeconds: DAY,
      ...policy.account,
      store: shared("signin-account", { windowSeconds: DAY, ...policy.account }),
    },
  ] as const;
  const checking = gate(policy.checks.concurrent, policy.checks.waiting);
  let checks = 0;

  /** Spends a point; a refusal says how long until the key's lock ends. */
  async function spend(limiter: RateLimiterAbstract, key: string, lockSeconds: number) {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      // Past its points a key is locked for its lock time, whatever was left of its window.
      return { wait: Math.min(refused.msBeforeNext, lockSeconds * 1000), locking: refused.consumedPoints };
    }
  }

  return {
    get checks() {
      return checks;
    },
    async attempt(account, client, check) {
      const keys = { client, pair: `${account} ${client}`, account };
      for (const limit of limits) {
        const key = keys[limit.on];
        if ("memory" in limit) {
          const refused = await spend(limit.memory, key, limit.lockSeconds);
          if (refused) {
            // The attempt that locks a key here locks it for every process: the shared store hears of it once.
            if (refused.locking === limit.attempts + 1) await limit.store.block(key, limit.lockSeconds);
            throw throttled("auth.too_many_attempts", refused.wait / 1000, "Too many sign-in attempts");
          }
        }
        const refused = await spend(limit.store, key, limit.lockSeconds);
        if (refused) throw throttled("auth.too_many_attempts", refused.wait / 1000, "Too many sign-in attempts");
      }
      const result = await checking(() => {
        checks++;
        return check();
      });
      // The owner: their failures from this address are forgiven, and this attempt is given back.
      await Promise.all(
        limits.flatMap((limit) => {
          const stores = "memory" in limit ? [limit.memory, limit.store] : [limit.store];
          return stores.map((s) => (limit.on === "pair" ? s.delete(keys.pair) : s.reward(keys[limit.on], 1)));
        }),
      );
      return result;
    },
  };
}
