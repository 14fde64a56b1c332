import { infiniteQueryOptions } from "@tanstack/react-query";
import { AuditRecord } from "@thidua/core/audit/rules";
import { z } from "zod";
import { request } from "./client.ts";

export type { AuditRecord } from "@thidua/core/audit/rules";

const AuditPage = z.object({ items: z.array(AuditRecord), cursor: z.string().nullable() });

export { auditEntities } from "@thidua/core/audit/rules";

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
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
      if (pageParam) params.set("cursor", pageParam);
      return request(`/api/audit?${params}`, AuditPage);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
  });
