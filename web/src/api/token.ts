/**
 * The signed-in session's tokens, kept in localStorage so a reload keeps the user signed in: the short
 * ID token every call carries, and the refresh token that renews it. A tiny external store: React reads
 * it with useSyncExternalStore, the fetch client reads it directly.
 */
const KEY = "thidua.token";
const REFRESH_KEY = "thidua.refresh";

export interface TokenState {
  token: string | null;
  /** Why the last session ended when the user did not sign out (an error code such as `auth.session_ended`). */
  endedBecause: string | null;
}

let state: TokenState = { token: read(KEY), endedBecause: null };
let refreshToken: string | null = read(REFRESH_KEY);
const listeners = new Set<() => void>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policies): the session lasts for the page only
  }
}

function write(key: string, value: string | null) {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // see read
  }
}

function update(next: TokenState, nextRefresh: string | null) {
  state = next;
  refreshToken = nextRefresh;
  write(KEY, next.token);
  write(REFRESH_KEY, nextRefresh);
  for (const listener of listeners) listener();
}

/** What a JWT says of itself, read without verifying (the API verifies): whose it is, until when. */
export function claimsOf(token: string | null): { sub?: string; exp?: number } {
  try {
    const payload = token?.split(".")[1];
    if (!payload) return {};
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as { sub?: string; exp?: number };
  } catch {
    return {};
  }
}

export const tokenStore = {
  get: (): TokenState => state,
  token: (): string | null => state.token,
  refreshToken: (): string | null => refreshToken,
  signIn: (token: string, refresh?: string) => update({ token, endedBecause: null }, refresh ?? null),
  /** A renewed token keeps the refresh token it was renewed with, unless the renewal brings another. */
  renewed: (token: string, refresh?: string) => update({ token, endedBecause: null }, refresh ?? refreshToken),
  signOut: () => update({ token: null, endedBecause: null }, null),
  /** The API refused the stored token and it could not be renewed: the session is over. */
  expire: (code: string) => {
    if (state.token) update({ token: null, endedBecause: code }, null);
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing in or out in one tab does the same in the others; a renewal there is picked up here too.
window.addEventListener("storage", (event) => {
  if (event.key === KEY && event.newValue !== state.token) {
    state = { token: event.newValue, endedBecause: null };
    refreshToken = read(REFRESH_KEY);
    for (const listener of listeners) listener();
  }
});
