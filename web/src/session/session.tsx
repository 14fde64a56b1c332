import { useQueryClient } from "@tanstack/react-query";
import type { Actor } from "@thidua/core/actor";
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import { useNavigate } from "react-router";
import { meQuery, type Session } from "../api/auth.ts";
import { endSession } from "../api/renew.ts";
import { type TokenState, tokenStore } from "../api/token.ts";

export const ActorContext = createContext<Actor | null>(null);

/** The signed-in actor; only valid under RequireSession. */
export function useActor(): Actor {
  const actor = useContext(ActorContext);
  if (!actor) throw new Error("useActor needs RequireSession above it");
  return actor;
}

export const useTokenState = (): TokenState => useSyncExternalStore(tokenStore.subscribe, tokenStore.get);

/** Stores a new session; the actor comes with it, so the first page renders at once (names follow from /api/me). */
export function useSignIn(): (session: Session) => void {
  const queryClient = useQueryClient();
  return useCallback(
    ({ token, refreshToken, user }: Session) => {
      tokenStore.signIn(token, refreshToken); // clears the previous user's cache (see main.tsx)
      queryClient.setQueryData(meQuery().queryKey, user);
      void queryClient.invalidateQueries({ queryKey: meQuery().queryKey });
    },
    [queryClient],
  );
}

/** Signs out here, and ends the session at the identity provider (its refresh token stops working). */
export function useSignOut(): () => void {
  const navigate = useNavigate();
  return useCallback(() => {
    const refreshToken = tokenStore.refreshToken();
    tokenStore.signOut();
    if (refreshToken) endSession(refreshToken).catch(() => {}); // offline: the token still ends in 12 hours
    void navigate("/sign-in", { replace: true });
  }, [navigate]);
}
