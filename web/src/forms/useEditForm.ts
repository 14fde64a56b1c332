import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { isApiError } from "../api/client.ts";
import { fieldsOf } from "../i18n/errors.ts";
import { changedFields, checkBody, errorsByField } from "./editForm.ts";

export interface EditFormOptions<D extends object, S extends z.ZodType, R> {
  /** The values the form opens with: the item's when editing, blanks when adding. */
  initial: D;
  /** Editing an existing item: only changed fields are sent, and nothing is sent when nothing changed. */
  editing: boolean;
  /** The schema the API validates the body with (from core), checked before sending. */
  schema: S;
  /** The request body from the draft and, when editing, the fields changed since opening. */
  body: (draft: D, changed: Partial<D>) => z.input<S>;
  save: (body: z.input<S>) => Promise<R>;
  /** What the form shows after a save: the saved values when editing, blanks (the default) when adding. */
  after?: (saved: R) => D;
  onSaved?: (saved: R) => void;
  /** Queries to refetch when the data moved under the form (409: stale version, already done…) or is gone (404). */
  refresh: readonly QueryKey[];
  /** Field ids are `${idPrefix}-${field}`: the first refused field takes the keyboard. */
  idPrefix: string;
  /** Errors that are one field's problem (`tenant.exists` → the id field): shown there, not above the form. */
  codeFields?: Record<string, keyof D & string>;
}

/**
 * One add-or-edit form: the draft, what changed since it was opened (or last
 * saved), the API's schema checked before sending, the API's own refusals by
 * field, and a stale version refetched so a second try works.
 */
export function useEditForm<D extends object, S extends z.ZodType, R>(options: EditFormOptions<D, S, R>) {
  const { initial, editing, schema, refresh, idPrefix } = options;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [opened, setOpened] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields edited since the last submit: their errors, the form's or the API's, are stale.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [unchanged, setUnchanged] = useState(false);

  const mutation = useMutation({
    mutationFn: options.save,
    onSuccess: (saved) => {
      const next = options.after?.(saved) ?? initial;
      setOpened(next);
      setDraft(next);
      options.onSaved?.(saved);
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 404))
        for (const queryKey of refresh) void queryClient.invalidateQueries({ queryKey });
    },
  });

  const set = (change: Partial<D>) => {
    setDraft((current) => ({ ...current, ...change }));
    setUnchanged(false);
    setEdited((current) => new Set([...current, ...Object.keys(change)]));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setEdited(new Set());
    const changed = changedFields(opened, draft);
    const nothing = editing && Object.keys(changed).length === 0;
    setUnchanged(nothing);
    if (nothing) return;
    const body = options.body(draft, changed);
    const checked = checkBody(schema, body);
    if (!checked.ok) {
      mutation.reset();
      setLocalErrors(checked.errors);
      const first = Object.keys(checked.errors)[0];
      event.currentTarget.querySelector<HTMLElement>(`#${idPrefix}-${first}`)?.focus();
      return;
    }
    setLocalErrors({});
    mutation.mutate(body);
  };

  const issues = mutation.isError ? fieldsOf(mutation.error) : {};
  const code = isApiError(mutation.error) ? mutation.error.code : undefined;
  const codeField = code ? options.codeFields?.[code] : undefined;
  const byField = {
    ...errorsByField(Object.entries(issues).map(([path, message]) => ({ path, message }))),
    ...(codeField && code ? { [codeField]: code } : {}),
    ...localErrors,
  };
  const errors = Object.fromEntries(Object.entries(byField).filter(([field]) => !edited.has(field)));
  return {
    draft,
    set,
    /** Messages (codes or zod's) by top-level field. */
    errors,
    /** The form was submitted without a change: nothing was sent. */
    unchanged,
    /** The API's refusals by full path (`prerequisites.1`), for forms that point inside a list. */
    issues,
    /** The body last sent: the paths of `issues` index into it. */
    sent: mutation.variables,
    /** The save failed for a reason that is not one field's (or, with fields, "fix the marked fields"). */
    failure: mutation.isError && !codeField ? mutation.error : null,
    saving: mutation.isPending,
    submit,
  };
}
