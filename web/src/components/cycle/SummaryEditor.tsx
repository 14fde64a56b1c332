import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveSummary, showCycle, summaryDraftQuery } from "../../api/cycle.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { DownloadDocument } from "../documents/DownloadDocument.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { Signature } from "./Signature.tsx";
import { useRefreshOnConflict, useYearScope } from "./YearContext.tsx";

const SUMMARY_MAX = 20_000;

/**
 * The leader's mid-year summary: drafted from the members' reports, edited, saved, then published to the
 * members (moving on to scoring needs it published). Readable only, outside the mid-year review.
 */
export function SummaryEditor() {
  const { t } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const saved = view.summary;
  const [text, setText] = useState(saved?.text ?? "");
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const editable = view.phase === "mid_year_review";

  const draft = useMutation({
    mutationFn: () => queryClient.fetchQuery(summaryDraftQuery(blocId, year)),
    onSuccess: ({ text: drafted }) => {
      setText(drafted);
      setNotice({ kind: "info", key: drafted ? "cycle.summary.drafted" : "cycle.summary.noReports" });
      document.getElementById("summary-text")?.focus();
    },
  });
  const save = useMutation({
    mutationFn: (publish: boolean) =>
      saveSummary(blocId, year, { text: text.trim(), publish, version: view.year.version }),
    onSuccess: (updated, publish) => {
      showCycle(queryClient, blocId, year, updated);
      setNotice({ kind: "success", key: publish ? "cycle.summary.published" : "cycle.summary.savedDraft" });
    },
    onError: refresh,
  });
  const failure = draft.error ?? save.error;
  const tooLong = text.trim().length > SUMMARY_MAX;

  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("cycle.summary.title")}</h2>
      {saved?.published ? (
        <>
          <Signature signed={saved.published} label={t("cycle.summary.publishedLabel")} />
          {/* The published summary as the bloc's mid-year report (Word). */}
          <div className="button-row document-row">
            <DownloadDocument kind="midYearReport" />
          </div>
        </>
      ) : saved ? (
        <p className="hint">{t("cycle.summary.draftOnly")}</p>
      ) : null}
      {!editable ? (
        saved ? (
          <div className="pre-line summary-text">{saved.text}</div>
        ) : (
          <p className="muted">{t("cycle.summary.onlyAtReview")}</p>
        )
      ) : (
        <div className="form">
          <p className="hint">{t("cycle.summary.hint")}</p>
          {!!failure && <ErrorAlert message={describe(failure)} />}
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          <div className="button-row">
            <button
              type="button"
              className="button-secondary"
              disabled={draft.isPending}
              aria-busy={draft.isPending}
              onClick={() => draft.mutate()}
            >
              {draft.isPending ? t("cycle.summary.drafting") : t("cycle.summary.draftButton")}
            </button>
          </div>
          <div className="field">
            <label htmlFor="summary-text">{t("cycle.summary.text")}</label>
            <CountedTextarea
              id="summary-text"
              rows={12}
              max={SUMMARY_MAX}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button-secondary"
              disabled={save.isPending || !text.trim() || tooLong}
              onClick={() => save.mutate(false)}
            >
              {saved?.published ? t("cycle.summary.unpublish") : t("cycle.summary.saveDraft")}
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={save.isPending || !text.trim() || tooLong}
              aria-busy={save.isPending}
              onClick={() => save.mutate(true)}
            >
              {save.isPending ? t("form.saving") : t("cycle.summary.publish")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
