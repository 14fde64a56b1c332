import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import type { Participation } from "../../api/cycle.ts";
import { type ScoreGrid, saveScores, showPart, submitScores } from "../../api/scores.ts";
import { useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { usePartMutation } from "../cycle/usePartMutation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { LineEditor } from "./LineEditor.tsx";
import { issuesByLine, lineTexts, sectionsOf } from "./sheet.ts";
import {
  changedLines,
  type DraftIssue,
  draftOf,
  lineProblems,
  linesBody,
  type SheetDraft,
  typedCount,
} from "./sheetDraft.ts";

type Problems = Record<string, Partial<Record<string, string>>>;

/** The unit's self-scoring while the year is in scoring: every line as the table lays it out, saved, then submitted. */
export function ScoreSheetForm({
  grid,
  unitId,
  part,
}: {
  grid: ScoreGrid;
  unitId: string;
  part: Participation | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const { lines, table } = grid;
  const texts = lineTexts(table);
  const [opened, setOpened] = useState<SheetDraft>(() => draftOf(part?.scores?.lines ?? {}, lines, i18n.language));
  const [draft, setDraft] = useState<SheetDraft>(opened);
  const [local, setLocal] = useState<Record<string, DraftIssue[]>>({});
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const changed = changedLines(draft, opened);
  /** The form's own check of the changed lines (and, to submit, of every criterion): true when they can go. */
  const check = (forSubmit: boolean) => {
    const found: Record<string, DraftIssue[]> = {};
    for (const line of lines) {
      const value = draft[line.id];
      if (!value) continue;
      const issues = changed.includes(line.id) ? lineProblems(line, value) : [];
      if (forSubmit && line.kind === "criterion" && value.points.trim() === "")
        issues.push({ field: "points", check: "points_needed" });
      if (issues.length) found[line.id] = issues;
    }
    setLocal(found);
    const first = lines.find((l) => found[l.id]);
    if (first) document.getElementById(`score-${first.id}-points`)?.focus();
    return !first;
  };

  const save = usePartMutation(
    (sent: SheetDraft) =>
      saveScores(blocId, year, unitId, {
        lines: linesBody(sent, changedLines(sent, opened)),
        version: part?.version ?? 0,
      }),
    (_, sent) => {
      setOpened(sent);
      setNotice({ kind: "success", key: "scores.sheet.saved" });
    },
  );
  const submit = usePartMutation(async (sent: SheetDraft) => {
    let version = part?.version ?? 0;
    const ids = changedLines(sent, opened);
    if (ids.length) {
      const saved = await saveScores(blocId, year, unitId, { lines: linesBody(sent, ids), version });
      showPart(queryClient, blocId, year, saved);
      setOpened(sent);
      version = saved.version;
    }
    return submitScores(blocId, year, unitId, version);
  });

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setConfirming(false);
    if (changed.length === 0) {
      setNotice({ kind: "info", key: "form.noChanges" });
      return;
    }
    if (check(false)) save.mutate(draft);
  };
  const onSubmit = () => {
    setNotice(null);
    setConfirming(false);
    if (check(true)) submit.mutate(draft);
  };

  // The API's refusals by line (a save's `lines.1.2.points`, a submission's `lines.1.1.evidence`), then the form's own.
  const failed = submit.error ?? save.error;
  const refused = isApiError(failed)
    ? issuesByLine(
        failed.fields,
        lines.map((l) => l.id),
      )
    : {};
  // A refusal the unit has since answered (evidence attached, points typed) is no longer shown.
  const answered = (id: string, field: string) =>
    (field === "evidence" &&
      (part?.scores?.lines[id]?.files.length ?? 0) + (draft[id]?.links.filter((l) => l.url.trim()).length ?? 0) > 0) ||
    (field === "" && (draft[id]?.points.trim() ?? "") !== "");
  const server = Object.fromEntries(
    Object.entries(refused)
      .map(([id, issues]) => [id, issues.filter((issue) => !answered(id, issue.field))] as const)
      .filter(([, issues]) => issues.length > 0),
  );
  const problems: Problems = {};
  const note = (id: string, field: string, text: string) => {
    const line = problems[id] ?? {};
    line[field] ??= text;
    problems[id] = line;
  };
  // The form's own findings first: they are about what is typed now.
  for (const [id, issues] of Object.entries(local))
    for (const issue of issues) note(id, issue.field, t(`scores.check.${issue.check}`));
  for (const [id, issues] of Object.entries(server))
    for (const issue of issues) note(id, issue.field, describeCode(issue.message));
  const listed = Object.keys(server).length > 0;

  const { done, total } = typedCount(draft, lines);
  const busy = save.isPending || submit.isPending;
  return (
    <form className="form score-form" onSubmit={onSave} noValidate>
      <div className="score-progress">
        <label htmlFor="score-progress">{t("scores.sheet.progress", { done, total })}</label>
        <progress id="score-progress" max={total} value={done} />
      </div>
      {!!failed && (
        <ErrorAlert message={isApiError(failed, "request.invalid") ? t("form.fixFields") : describe(failed)} />
      )}
      {listed && (
        <ul className="checks-missing" aria-label={t("scores.sheet.problemsLabel")}>
          {Object.entries(server).map(([id, issues]) => (
            <li key={id}>
              <a href={`#line-${id}`}>
                {t(`scores.sheet.lineName.${lines.find((l) => l.id === id)?.kind ?? "criterion"}`, { id })}
              </a>
              : {issues.map((i) => describeCode(i.message)).join("; ")}
            </li>
          ))}
        </ul>
      )}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {sectionsOf(table, lines).map((section) => (
        <section key={section.key} className="score-section" aria-labelledby={`${section.key}-title`}>
          <h3 id={`${section.key}-title`}>{section.title ?? t(`scores.sheet.section.${section.kind}`)}</h3>
          {section.lines.map((line) => (
            <LineEditor
              key={line.id}
              unitId={unitId}
              line={line}
              text={texts.get(line.id)}
              draft={draft[line.id] ?? { points: "", note: "", links: [] }}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [line.id]: value }));
                // What the form found in this line was about what was typed before.
                setLocal(({ [line.id]: _, ...others }) => others);
              }}
              files={part?.scores?.lines[line.id]?.files ?? []}
              problems={problems[line.id] ?? {}}
            />
          ))}
        </section>
      ))}
      <div className="form-footer sticky-footer">
        <span className="hint">
          {changed.length > 0 ? t("scores.sheet.unsaved", { count: changed.length }) : t("scores.sheet.allSaved")}
        </span>
        <div className="button-row">
          <button type="submit" className="button-secondary" disabled={busy} aria-busy={save.isPending}>
            {save.isPending ? t("form.saving") : t("scores.sheet.save")}
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            aria-busy={submit.isPending}
            onClick={() => setConfirming(true)}
          >
            {submit.isPending ? t("scores.sheet.submitting") : t("scores.sheet.submit")}
          </button>
        </div>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="submit-confirm-text">
          <p id="submit-confirm-text">{t("scores.sheet.confirm")}</p>
          <div className="button-row">
            <button ref={confirmRef} type="button" className="button-primary" onClick={onSubmit}>
              {t("scores.sheet.confirmSubmit")}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t("form.cancel")}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
