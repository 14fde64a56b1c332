import type { LimitsStore } from "@thidua/core/db";
import { throttled } from "@thidua/core/error";
import { RateLimiterDynamo, RateLimiterRes } from "rate-limiter-flexible";

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
 * across Lambda instances and restarts. `store` is the aggregated `DynamoDB` client the rate limiter expects.
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
  const limiter = (keyPrefix: string, points: number, duration: number, blockDuration: number) =>
    new RateLimiterDynamo({
      storeClient: store,
      tableName,
      tableCreated: true,
      ttlSet: true,
      keyPrefix,
      points,
      duration,
      blockDuration,
    });
  const account = limiter(
    "signin-account",
    policy.account.attempts,
    policy.account.windowSeconds,
    policy.account.lockSeconds,
  );
  const accountDaily = limiter(
    "signin-account-day",
    policy.accountDaily.attempts,
    24 * 60 * 60,
    policy.accountDaily.lockSeconds,
  );
  const client = limiter(
    "signin-client",
    policy.client.attempts,
    policy.client.windowSeconds,
    policy.client.lockSeconds,
  );
  const lockMs = [policy.account.lockSeconds, policy.accountDaily.lockSeconds, policy.client.lockSeconds].map(
    (s) => s * 1000,
  );
  const checking = gate(policy.concurrentChecks);
  let checks = 0;

  return {
    get checks() {
      return checks;
    },
    async attempt(accountKey, clientKey, check) {
      const spent = await Promise.allSettled(
        [account, accountDaily, client].map((limiter, i) => limiter.consume(i < 2 ? accountKey : clientKey)),
      );
      // Refused by one or more: the caller waits for the last of their locks to end.
      const waits = spent.flatMap((outcome, i) => {
        if (outcome.status === "fulfilled") return [];
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
        // Past its points a key is locked for its lock time, whatever was left of its window.
        return [Math.min(outcome.reason.msBeforeNext, lockMs[i] as number)];
      });
      if (waits.length)
        throw throttled("auth.too_many_attempts", Math.max(...waits) / 1000, "Too many sign-in attempts");
      const result = await checking(() => {
        checks++;
        return check();
      });
      // The account's owner: its failed attempts are forgiven, and so is this attempt of the client.
      await Promise.all([account.delete(accountKey), accountDaily.delete(accountKey), client.reward(clientKey, 1)]);
      return result;
    },
  };
}
