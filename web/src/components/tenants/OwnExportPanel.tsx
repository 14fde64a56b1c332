import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ownExportQuery, ownExportsQuery, startOwnExport } from "../../api/archives.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { ArchiveJobProgress } from "./ArchiveJobProgress.tsx";

/**
 * The board's copy of its whole province: one archive of every item, evidence file and document, with its
 * checksums, made by a job it follows here (the latest one can be downloaded again).
 */
export function OwnExportPanel() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [jobId, setJobId] = useState<string | null>(null);
  const exports = useQuery(ownExportsQuery());
  const exporting = useMutation({ mutationFn: startOwnExport, onSuccess: (job) => setJobId(job.jobId) });
  const shown = jobId ?? exports.data?.find((job) => job.status === "done")?.jobId ?? null;
  return (
    <section className="card" aria-labelledby="own-export-title">
      <h2 id="own-export-title">{t("provinceArchive.ownTitle")}</h2>
      <p className="hint">{t("provinceArchive.ownHint")}</p>
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          disabled={exporting.isPending}
          aria-busy={exporting.isPending}
          onClick={() => exporting.mutate()}
        >
          {t("provinceArchive.export")}
        </button>
      </div>
      {exporting.isError && <ErrorAlert message={describe(exporting.error)} />}
      {shown && <ArchiveJobProgress key={shown} query={ownExportQuery(shown)} />}
    </section>
  );
}
