/**
 * The signed-in session's token, kept in localStorage so a reload keeps the
 * user signed in. A tiny external store: React reads it with
 * useSyncExternalStore, the fetch client reads it directly.
 */
const KEY = "thidua.token";

export interface TokenState {
  token: string | null;
  /** Why the last session ended when the user did not sign out (an error code such as `auth.token_expired`). */
  endedBecause: string | null;
}

let state: TokenState = { token: readStored(), endedBecause: null };
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled (private mode, policies): the session lasts for the page only
  }
}

function update(next: TokenState) {
  state = next;
  try {
    if (next.token) localStorage.setItem(KEY, next.token);
    else localStorage.removeItem(KEY);
  } catch {
    // see readStored
  }
  for (const listener of listeners) listener();
}

export const tokenStore = {
  get: (): TokenState => state,
  token: (): string | null => state.token,
  signIn: (token: string) => update({ token, endedBecause: null }),
  signOut: () => update({ token: null, endedBecause: null }),
  /** The API refused the stored token: the session is over. */
  expire: (code: string) => {
    if (state.token) update({ token: null, endedBecause: code });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing out in one tab signs out the others.
window.addEventListener("storage", (event) => {
  if (event.key === KEY && event.newValue !== state.token) {
    state = { token: event.newValue, endedBecause: null };
    for (const listener of listeners) listener();
  }
});
