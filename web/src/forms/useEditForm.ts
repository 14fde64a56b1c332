import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import { isApiError } from "../api/client.ts";
import { fieldsOf } from "../i18n/errors.ts";
import { changedFields, checkBody, errorsByField, type FieldOf } from "./editForm.ts";

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
  /** Field ids are `${idPrefix}-${field}`: the first refused field (in the form's order) takes the keyboard. */
  idPrefix: string;
  /** Errors that are one field's problem (`tenant.exists` → the id field): shown there, not above the form. */
  codeFields?: Record<string, keyof D & string>;
  /** The form field an issue's path concerns, when the body nests what the form shows flat. */
  fieldOf?: FieldOf;
}

/** The API's field issues of a failed save. */
const issuesOf = (error: unknown) => Object.entries(fieldsOf(error)).map(([path, message]) => ({ path, message }));

/**
 * One add-or-edit form: the draft, what changed since it was opened (or last
 * saved), the API's schema checked before sending, the API's own refusals by
 * field, and a stale version refetched so a second try works.
 *
 * `initial` is read once: a page that edits another item keys the form by the
 * item's id. `body` runs at each submit, so it takes the version from the
 * latest copy of the item the page passes in.
 */
export function useEditForm<D extends object, S extends z.ZodType, R>(options: EditFormOptions<D, S, R>) {
  const { initial, editing, schema, refresh, idPrefix, fieldOf } = options;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [opened, setOpened] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // Fields edited since the last submit: their errors, the form's or the API's, are stale.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [unchanged, setUnchanged] = useState(false);
  const form = useRef<HTMLFormElement | null>(null);
  // The draft as it was sent: what the user types while it is saved is theirs to keep.
  const sentDraft = useRef<D | null>(null);

  /** Puts the keyboard on the first of these fields in the form's order, or on its first field. */
  const focus = (fields?: readonly string[]) => {
    const inputs = [...(form.current?.querySelectorAll<HTMLElement>("input, select, textarea") ?? [])];
    const wanted = fields && new Set(fields.map((field) => `${idPrefix}-${field}`));
    (wanted ? inputs.find((input) => wanted.has(input.id)) : inputs[0])?.focus();
  };

  const mutation = useMutation({
    mutationFn: options.save,
    onSuccess: (saved) => {
      const next = options.after?.(saved) ?? initial;
      setOpened(next);
      setDraft((current) => (current === sentDraft.current ? next : current));
      options.onSaved?.(saved);
      // Added: ready for the next one.
      if (!editing) focus();
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 409 || error.status === 404))
        for (const queryKey of refresh) void queryClient.invalidateQueries({ queryKey });
      const code = isApiError(error) ? error.code : "";
      const codeField = options.codeFields?.[code];
      focus([...(codeField ? [codeField] : []), ...Object.keys(errorsByField(issuesOf(error), fieldOf))]);
    },
  });

  const set = (change: Partial<D>) => {
    setDraft((current) => ({ ...current, ...change }));
    setUnchanged(false);
    setEdited((current) => new Set([...current, ...Object.keys(change)]));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.current = event.currentTarget;
    setEdited(new Set());
    const changed = changedFields(opened, draft);
    const nothing = editing && Object.keys(changed).length === 0;
    setUnchanged(nothing);
    if (nothing) {
      mutation.reset();
      return;
    }
    const body = options.body(draft, changed);
    const checked = checkBody(schema, body, fieldOf);
    if (!checked.ok) {
      mutation.reset();
      setLocalErrors(checked.errors);
      focus(Object.keys(checked.errors));
      return;
    }
    setLocalErrors({});
    sentDraft.current = draft;
    mutation.mutate(body);
  };

  const issues = mutation.isError ? fieldsOf(mutation.error) : {};
  const code = isApiError(mutation.error) ? mutation.error.code : undefined;
  const codeField = code ? options.codeFields?.[code] : undefined;
  const byField = {
    ...errorsByField(issuesOf(mutation.error), fieldOf),
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
