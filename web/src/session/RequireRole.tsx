import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { authConfigQuery } from "../api/auth.ts";
import { canOpen, type PageAccess } from "../navigation.ts";
import { useActor } from "./session.tsx";

/** A page some roles may not open (or, `localOnly`, not on AWS): for them, the route sends them home. */
export function RequireRole({ page, children }: { page: PageAccess; children: ReactNode }) {
  const actor = useActor();
  const config = useQuery({ ...authConfigQuery(), enabled: page.localOnly === true });
  if (page.localOnly && config.isPending) return null;
  const local = !page.localOnly || config.data?.provider === "local";
  return canOpen(page, actor.role, local) ? children : <Navigate to="/" replace />;
}
