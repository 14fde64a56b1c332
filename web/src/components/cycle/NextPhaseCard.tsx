import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { movePhase, showCycle } from "../../api/cycle.ts";
import { useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { Confirmation } from "../Confirmation.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { useRefreshOnConflict, useYearScope } from "./YearContext.tsx";

/** Missing duties in words: "Báo An Giang: Chưa ký giao ước", "Chưa công bố báo cáo sơ kết". */
function useMissingWords() {
  const { name } = useYearScope();
  const describeCode = useCodeMessage();
  return (list: readonly { path: string; message: string }[]) =>
    list.map(({ path, message }) => {
      const unitId = path.startsWith("members.") ? path.slice("members.".length) : undefined;
      return { key: `${path}-${message}`, unit: unitId && name(unitId), text: describeCode(message) };
    });
}

/**
 * Those who lead move the year on: the next phase's button stays disabled while members' duties are missing,
 * each listed; moving asks for a confirmation, since only the board can go back.
 */
export function NextPhaseCard() {
  const { t } = useTranslation();
  const { blocId, year, view, viewer } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const words = useMissingWords();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const next = view.next;
  const move = useMutation({
    mutationFn: () => movePhase(blocId, year, { to: next?.to ?? "closed", version: view.year.version }),
    onSuccess: (moved) => {
      showCycle(queryClient, blocId, year, moved);
      setNotice({ kind: "success", key: "cycle.next.moved", values: { phase: t(`cycle.phase.${moved.phase}`) } });
    },
    onError: refresh,
    onSettled: () => setConfirming(false),
  });
  if (!next) return null;

  // The view lists members' duties; the published summary is the leader's own duty at mid-year.
  const pending = [...next.missing];
  if (view.phase === "mid_year_review" && !view.summary?.published)
    pending.push({ path: "summary", message: "cycle.missing_summary" });
  const missing = words(pending);
  // A refused move lists what the server found missing (someone may have undone a step meanwhile).
  const refused = isApiError(move.error, "cycle.incomplete") ? words(move.error.fields) : [];
  const closing = next.to === "closed";
  const allowed = !closing || viewer.role === "board";
  return (
    <section className="card" aria-labelledby="next-phase-title">
      <h2 id="next-phase-title">{t("cycle.next.title", { phase: t(`cycle.phase.${next.to}`) })}</h2>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {move.isError && <ErrorAlert message={describe(move.error)} />}
      {missing.length > 0 ? (
        <>
          <p id="next-missing-title">{t("cycle.next.missingTitle", { count: missing.length })}</p>
          <ul className="checks-missing" aria-labelledby="next-missing-title">
            {(refused.length ? refused : missing).map((m) => (
              <li key={m.key}>{m.unit ? `${m.unit}: ${m.text}` : m.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("cycle.next.ready")}</p>
      )}
      {!allowed && <p className="hint">{t("cycle.next.closeByBoard")}</p>}
      {allowed && !confirming && (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={missing.length > 0 || move.isPending}
            aria-describedby={missing.length > 0 ? "next-missing-title" : undefined}
            onClick={() => {
              setNotice(null);
              setConfirming(true);
            }}
          >
            {t(closing ? "cycle.next.close" : "cycle.next.move", { phase: t(`cycle.phase.${next.to}`) })}
          </button>
        </div>
      )}
      {confirming && (
        <Confirmation
          id="next-confirm-text"
          message={t(closing ? "cycle.next.confirmClose" : "cycle.next.confirm", {
            from: t(`cycle.phase.${view.phase}`),
            phase: t(`cycle.phase.${next.to}`),
          })}
          label={t("cycle.next.confirmButton")}
          pendingLabel={t("cycle.next.moving")}
          pending={move.isPending}
          onConfirm={() => move.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
