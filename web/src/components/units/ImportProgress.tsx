import { useTranslation } from "react-i18next";
import type { ImportJobView } from "../../api/unitImport.ts";

interface ImportProgressProps {
  done: number;
  total: number;
  /** What the job is doing, as the last poll said; "finished" once the import answered. */
  phase: ImportJobView["phase"] | undefined;
}

/** The running import's progress bar, fed by polling the job. */
export function ImportProgress({ done, total, phase }: ImportProgressProps) {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="import-progress">
      <p id="import-progress-label">{t(`unitImport.phase.${phase ?? "starting"}`)}</p>
      <div
        role="progressbar"
        className="progress"
        aria-labelledby="import-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t("unitImport.progress", { done, total })}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">{t("unitImport.progress", { done, total })}</p>
    </div>
  );
}
