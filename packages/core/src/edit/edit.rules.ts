import { z } from "zod";

/**
 * An edit names the version it was read at and at least one thing to change: a body with the version
 * alone is refused ("Nothing to change"), and the OpenAPI document says so (`minProperties: 2`).
 */
export const someChange = <T extends z.ZodObject>(edit: T) =>
  edit
    .refine((fields) => Object.keys(fields).some((key) => key !== "version"), {
      message: "Nothing to change",
      path: ["name"],
    })
    .meta({ minProperties: 2 });

/** A version as read: 0 for what was never saved; bounded where JSON numbers stop being exact. */
export const ReadVersion = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** The version of something saved: 1 and up. */
export const SavedVersion = ReadVersion.min(1);

/** What archiving, restoring or deleting names: the version it was read at (a stale one answers 409). */
/** A body that carries only the version read (a signature, a submission, a lock). */
export const ReadVersionInput = z.object({ version: ReadVersion });

export const VersionInput = z.object({ version: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export type VersionInput = z.input<typeof VersionInput>;
