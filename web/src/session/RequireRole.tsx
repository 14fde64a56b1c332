import type { Role } from "@thidua/core/actor";
import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { useActor } from "./session.tsx";

/** A page some roles may not open: for them, the route sends them home. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const actor = useActor();
  return roles.includes(actor.role) ? children : <Navigate to="/" replace />;
}
