import type { z } from "zod";

/*
 * The pure side of an add-or-edit form: what changed since it was opened, and
 * which fields the API's own schema (from core) refuses. `useEditForm` wires
 * these to React state and the save.
 */

/** A value as the API will see it: text without the spaces around it. */
const sent = (value: unknown) => JSON.stringify(typeof value === "string" ? value.trim() : value);

/**
 * Only the fields the user changed since the form was opened (or last saved), spaces around text aside.
 * An edit sends just these, so a retry after a 409 keeps what someone else changed meanwhile in the
 * other fields.
 */
export function changedFields<T extends object>(opened: T, draft: T): Partial<T> {
  const before = opened as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => sent(value) !== sent(before[key])),
  ) as Partial<T>;
}

/** A problem with one field: zod's issue (path as a list) or the API's field issue (path as `a.2.b`). */
export interface Issue {
  path: string | readonly PropertyKey[];
  message: string;
}

/** Which form field an issue's path (`a.2.b`) concerns; by default its top-level field (`a`). */
export type FieldOf = (path: string) => string;
const topLevel: FieldOf = (path) => path.split(".")[0] ?? "";

/**
 * Issues by the field they concern (`councilEmails.2` → `councilEmails`, or as `fieldOf` says for a form
 * whose fields sit deeper in the body), the first message of each field kept: forms show one message per field.
 */
export function errorsByField(issues: readonly Issue[], fieldOf: FieldOf = topLevel): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const field = fieldOf(typeof path === "string" ? path : path.map(String).join("."));
    errors[field] ??= message;
  }
  return errors;
}

/** Checks a request body against the schema the API validates it with; refusals come back by field. */
export function checkBody<S extends z.ZodType>(
  schema: S,
  body: z.input<S>,
  fieldOf: FieldOf = topLevel,
): { ok: true } | { ok: false; errors: Record<string, string> } {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true } : { ok: false, errors: errorsByField(parsed.error.issues, fieldOf) };
}
