import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, call } from "./client.ts";

export { type AuditRecord, auditEntities, platformAuditEntities } from "@thidua/core/audit/rules";

/** Whose trail: the province's changes, or the platform operators' actions. */
export type AuditSource = "province" | "platform";

export interface AuditFilter {
  entity?: string;
  /** Whose changes: an account's user id. */
  actorId?: string;
  /** YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 30;

/** Newest first; each page hands the next its cursor. */
export const auditQuery = (source: AuditSource, filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ["audit", source, filter] as const,
    queryFn: ({ pageParam }) => {
      const query = {
        limit: String(PAGE_SIZE),
        ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)),
        ...(pageParam ? { cursor: pageParam } : {}),
      };
      return call(source === "platform" ? api.audit.platform.audit.$get({ query }) : api.audit.audit.$get({ query }));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
  });
