import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isStale } from "../api/client.ts";
import { dateFormat } from "../i18n/dates.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";

export type ArchiveOutcome = "archived" | "restored" | "deleted";

/**
 * Archive instead of delete: what is archived leaves the pickers and keeps its place in history; it can be
 * restored. Deleting, where offered, is for what was never used (the API refuses anything else) and asks
 * for a confirmation first.
 */
export function ArchivePanel({
  what,
  name,
  archivedAt,
  archive,
  remove,
  onDone,
  onStale,
}: {
  /** Which texts to use: a unit's, a bloc's, an award type's (deleted only: its own "in use" switch archives it). */
  what: "unit" | "bloc" | "awardType";
  name: string;
  archivedAt?: string;
  archive?: (archived: boolean) => Promise<unknown>;
  remove?: () => Promise<void>;
  onDone: (outcome: ArchiveOutcome) => void;
  /** Someone else changed it first: read it again, so the next try sends the new version. */
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  // Each kind has the texts of what it offers: a bloc is not deleted, an award type not archived here.
  const text = (key: string, values?: Record<string, string>) =>
    t(`archive.${what}.${key}` as "archive.unit.hint", values);

  const action = useMutation({
    mutationFn: async (outcome: ArchiveOutcome) => {
      if (outcome === "deleted") await remove?.();
      else await archive?.(outcome === "archived");
      return outcome;
    },
    onSuccess: onDone,
    onError: (error) => {
      if (isStale(error)) onStale();
    },
    onSettled: () => setConfirming(false),
  });
  const busy = { disabled: action.isPending, "aria-busy": action.isPending };

  return (
    <section className="archive-panel" aria-labelledby={`archive-${what}-title`}>
      <h3 id={`archive-${what}-title`}>{text("title")}</h3>
      {action.isError && <ErrorAlert message={describe(action.error)} />}
      {archivedAt ? (
        <>
          <p className="hint">
            {text("archivedSince", { date: dateFormat(i18n.language).format(new Date(archivedAt)) })}
          </p>
          <button type="button" className="button-secondary" {...busy} onClick={() => action.mutate("restored")}>
            {t("archive.restore")}
          </button>
        </>
      ) : confirming ? (
        <div className="confirm">
          <p>{text("confirmDelete", { name })}</p>
          <div className="button-row">
            <button type="button" className="button-danger" {...busy} onClick={() => action.mutate("deleted")}>
              {t("archive.delete")}
            </button>
            <button ref={cancelRef} type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t("archive.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <>
          <p className="hint">{text("hint")}</p>
          <div className="button-row">
            {archive && (
              <button type="button" className="button-secondary" {...busy} onClick={() => action.mutate("archived")}>
                {t("archive.archive")}
              </button>
            )}
            {remove && (
              <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
                {t("archive.delete")}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
