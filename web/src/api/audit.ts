import { infiniteQueryOptions } from "@tanstack/react-query";
import { api, call } from "./client.ts";

export { type AuditRecord, auditEntities } from "@thidua/core/audit/rules";

export interface AuditFilter {
  entity?: string;
  /** YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

const PAGE_SIZE = 30;

/** Newest first; each page hands the next its cursor. */
export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ["audit", filter] as const,
    queryFn: ({ pageParam }) =>
      call(
        api.audit.audit.$get({
          query: {
            limit: String(PAGE_SIZE),
            ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
  });
