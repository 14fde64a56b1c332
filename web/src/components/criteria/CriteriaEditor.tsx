import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { blocKeys } from "../../api/blocs.ts";
import { isApiError, isStale } from "../../api/client.ts";
import { type CriteriaTable, type CriteriaView, criteriaKeys, saveCriteria } from "../../api/criteria.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { AdjustmentsEditor } from "./AdjustmentsEditor.tsx";
import { CriteriaTotals } from "./CriteriaTotals.tsx";
import { useFocusLater } from "./focus.ts";
import { GroupEditor } from "./GroupEditor.tsx";
import { afterMove } from "./RowActions.tsx";
import {
  adjustmentTotal,
  emptyTable,
  move,
  newAdjustment,
  newCriterion,
  newGroup,
  normalize,
  problems,
  removeAt,
  replaceAt,
  sameTable,
} from "./table.ts";

/** Messages whose path starts with `prefix.`, keyed by the rest of the path. */
const under = (all: Record<string, string>, prefix: string) =>
  Object.fromEntries(
    Object.entries(all)
      .filter(([path]) => path.startsWith(`${prefix}.`))
      .map(([path, message]) => [path.slice(prefix.length + 1), message]),
  );

/** The board's criteria editor: a tree of groups and criteria, bonus and penalty lists, a live total; saving makes a new version. */
export function CriteriaEditor({
  blocId,
  view,
  startFrom,
  onDiscard,
}: {
  blocId: string;
  view: CriteriaView;
  /** A first table's starting point (the template, another bloc's table); ignored once a table is saved. */
  startFrom?: CriteriaTable;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const focusLater = useFocusLater();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [draft, setDraftState] = useState<CriteriaTable>(() => view.table ?? startFrom ?? emptyTable());
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const save = useMutation({
    mutationFn: (table: CriteriaTable) => saveCriteria(blocId, { table, baseVersion: view.version }),
    onSuccess: (saved) => {
      queryClient.setQueryData(criteriaKeys.current(blocId), saved);
      void queryClient.invalidateQueries({ queryKey: blocKeys.one(blocId), exact: true });
      void queryClient.invalidateQueries({ queryKey: blocKeys.all, exact: true });
      setChecked(false);
      setNotice({ kind: "success", key: "criteria.saved", values: { version: saved.version } });
    },
    onError: (error) => {
      setNotice(null);
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: criteriaKeys.current(blocId) });
      summaryRef.current?.focus();
    },
  });

  const setDraft = (update: (table: CriteriaTable) => CriteriaTable) => {
    setDraftState(update);
    if (save.isError) save.reset();
  };

  // Paths without `table.`, translated: the client's own checks once a save was tried, then the API's.
  const messages: Record<string, string> = {};
  const local = problems(draft, view.scale);
  if (checked) for (const [path, code] of Object.entries(local)) messages[path] = describeField(code);
  for (const [path, message] of Object.entries(fieldsOf(save.error)))
    messages[path.replace(/^table\./, "")] ??= describeField(message);

  const dirty = !sameTable(normalize(draft), view.table ?? emptyTable());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setNotice(null);
    if (Object.keys(local).length > 0) {
      // Wait for the messages to render, then move to the summary that lists what to fix.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    save.mutate(normalize(draft));
  };

  const invalidSummary = checked && Object.keys(local).length > 0;
  return (
    <form className="criteria-editor" onSubmit={submit} noValidate>
      <div ref={summaryRef} tabIndex={-1} className="criteria-summary">
        {save.isError && (
          <ErrorAlert
            message={isApiError(save.error, "criteria.invalid") ? t("criteria.fixMarked") : describe(save.error)}
          />
        )}
        {isStale(save.error) && (
          <button type="button" className="button-secondary" onClick={onDiscard}>
            {t("criteria.discardDraft")}
          </button>
        )}
        {invalidSummary && <ErrorAlert message={t("criteria.fixMarked")} />}
        {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      </div>
      {draft.groups.length === 0 && <p className="empty">{t("criteria.startHint")}</p>}
      {draft.groups.map((group, gi) => (
        <GroupEditor
          key={group.id}
          group={group}
          index={gi}
          count={draft.groups.length}
          errors={under(messages, `groups.${gi}`)}
          focusLater={focusLater}
          onChange={(changed) => setDraft((table) => ({ ...table, groups: replaceAt(table.groups, gi, changed) }))}
          onMove={(delta) => {
            setDraft((table) => ({ ...table, groups: move(table.groups, gi, delta) }));
            focusLater(afterMove(`crit-group-${group.id}`, gi + delta, draft.groups.length, delta));
          }}
          onRemove={() => {
            setDraft((table) => ({ ...table, groups: removeAt(table.groups, gi) }));
            focusLater("crit-add-group");
          }}
          onAddItem={() => {
            const item = newCriterion(draft, group);
            setDraft((table) => ({
              ...table,
              groups: replaceAt(table.groups, gi, { ...group, items: [...group.items, item] }),
            }));
            focusLater(`crit-item-${item.id}-title`);
          }}
        />
      ))}
      <button
        id="crit-add-group"
        type="button"
        className="button-secondary"
        onClick={() => {
          const group = newGroup(draft);
          setDraft((table) => ({ ...table, groups: [...table.groups, group] }));
          focusLater(`crit-group-${group.id}-title`);
        }}
      >
        {t("criteria.addGroup")}
      </button>
      {(["bonus", "penalties"] as const).map((kind) => (
        <AdjustmentsEditor
          key={kind}
          kind={kind}
          items={draft[kind]}
          errors={{ ...under(messages, kind), ...(messages[kind] ? { list: messages[kind] } : {}) }}
          summary={
            kind === "bonus"
              ? t("criteria.bonusLegend", { points: adjustmentTotal(draft.bonus), max: view.scale.bonusMax })
              : t("criteria.penaltiesSummary", { points: adjustmentTotal(draft.penalties) })
          }
          focusLater={focusLater}
          onChange={(items) => setDraft((table) => ({ ...table, [kind]: items }))}
          onAdd={() => {
            const item = newAdjustment(draft, kind === "bonus" ? "b" : "p");
            setDraft((table) => ({ ...table, [kind]: [...table[kind], item] }));
            focusLater(`crit-${kind}-${item.id}-title`);
          }}
        />
      ))}
      <div className="criteria-footer">
        <CriteriaTotals table={draft} scale={view.scale} language={i18n.language} error={messages.groups} />
        <div className="button-row">
          {dirty && <span className="muted">{t("criteria.unsaved")}</span>}
          <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
            {save.isPending ? t("form.saving") : t("criteria.save")}
          </button>
        </div>
      </div>
    </form>
  );
}
