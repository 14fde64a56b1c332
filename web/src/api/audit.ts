import { infiniteQueryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { request } from "./client.ts";

const AuditRecord = z.object({
  auditId: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  action: z.enum(["create", "update", "delete"]),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

const AuditPage = z.object({ items: z.array(AuditRecord), cursor: z.string().nullable() });

/** Entities the audit trail records (the filter offers these). */
export const auditEntities = ["unit", "bloc", "blocYear", "criteria", "rules", "awardType", "quota"] as const;

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
