import { z } from "zod";

/** What a change did: archiving and restoring are named, not buried in an update. */
/** `export`, `import` and `erase` move a province whole (the operators' trail). */
export const auditActions = ["create", "update", "delete", "archive", "restore", "export", "import", "erase"] as const;

/** The kinds of data the audit trail records (a filter offers these). */
export const auditEntities = [
  "unit",
  "bloc",
  "blocYear",
  "criteria",
  "rules",
  "awardType",
  "quota",
  "account",
  "participation",
  "ballot",
  "proposal",
  "unitAward",
  "letterhead",
] as const;

/** The kinds of data the platform's own trail records: the operator's actions. */
export const platformAuditEntities = ["tenant", "account"] as const;

export const AuditRecord = z
  .object({
    auditId: z.string(),
    at: z.string(),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: z.string(),
    action: z.enum(auditActions),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    /** Why, when the change asked for a reason (the members of a year already launched). */
    reason: z.string().optional(),
  })
  .meta({ id: "AuditRecord" });
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditQuery = z.object({
  entity: z.enum([...auditEntities, "tenant"]).optional(),
  entityId: z.string().min(1).max(120).optional(),
  actorId: z.string().min(1).max(120).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;
