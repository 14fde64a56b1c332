import type { Directory } from "@thidua/core/account";

/** Made by the first call that needs it, once; a failed load is tried again by the next call. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= load().catch((error: unknown) => {
      made = undefined;
      throw error;
    }));
}

/**
 * A directory whose SDK client is loaded by the first call that needs it: only the account routes do,
 * so the other requests' cold starts do not compile it.
 */
export function directoryOnFirstUse(kind: Directory["kind"], load: () => Promise<Directory>): Directory {
  const get = once(load);
  return {
    kind,
    find: async (email) => (await get()).find(email),
    reserve: async (user) => (await get()).reserve(user),
    release: async (key) => (await get()).release(key),
    invite: async (email) => (await get()).invite(email),
    update: async (user) => (await get()).update(user),
    setEnabled: async (key, enabled) => (await get()).setEnabled(key, enabled),
  };
}

/** A function loaded by its first call (a document's renderer or previewer). */
export function functionOnFirstUse<A, R>(load: () => Promise<(arg: A) => Promise<R>>): (arg: A) => Promise<R> {
  const get = once(load);
  return async (arg) => (await get())(arg);
}
