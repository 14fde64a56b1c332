import { EVIDENCE_ACCEPT } from "@thidua/core/files/rules";
import { type ChangeEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { UploadError } from "../../api/evidence.ts";
import type { EvidenceFile } from "../../api/scores.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { evidenceProblem, fileSize, MAX_MEGABYTES } from "./evidenceCheck.ts";
import { useEvidenceDownload, useEvidenceRemove, useEvidenceUpload } from "./useEvidence.ts";

/** The sheet says once which files are taken; every file input points to it. */
export const EVIDENCE_HINT_ID = "evidence-hint";

interface EvidenceFilesProps {
  unitId: string;
  lineId: string;
  /** "tiêu chí 1.1": names the controls of this line for screen readers. */
  lineName: string;
  files: readonly EvidenceFile[];
  editable: boolean;
  required?: boolean;
}

/** The files attached to a line: download each; while the sheet is open, upload (with progress) and remove. */
export function EvidenceFiles({ unitId, lineId, lineName, files, editable, required = false }: EvidenceFilesProps) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const upload = useEvidenceUpload(unitId, lineId);
  const remove = useEvidenceRemove(unitId);
  const download = useEvidenceDownload(unitId);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = `evidence-${lineId}`;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const why = evidenceProblem(file);
    setProblem(why ? t(`scores.evidence.${why}`, { name: file.name, max: MAX_MEGABYTES }) : null);
    if (!why) upload.mutate(file);
  };
  const failed = upload.error ?? remove.error ?? download.error;
  const failure = failed instanceof UploadError ? t("scores.evidence.uploadFailed") : failed ? describe(failed) : null;
  const percent = upload.progress === null ? null : Math.round(upload.progress * 100);

  return (
    <div className="evidence-files">
      {files.length > 0 && (
        <ul className="file-list" aria-label={t("scores.evidence.listLabel", { line: lineName })}>
          {files.map((file) => (
            <li key={file.fileId}>
              <button
                type="button"
                className="button-text"
                onClick={() => download.mutate(file.fileId)}
                aria-label={t("scores.evidence.download", { name: file.name })}
              >
                {file.name}
              </button>
              <span className="muted"> · {fileSize(file.size, i18n.language)}</span>
              {editable && (
                <button
                  type="button"
                  className="button-icon button-icon-danger"
                  disabled={remove.isPending}
                  aria-label={t("scores.evidence.remove", { name: file.name })}
                  title={t("scores.evidence.remove", { name: file.name })}
                  onClick={() => remove.mutate(file.fileId)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="field file-field">
          <label htmlFor={inputId}>
            {t(required ? "scores.evidence.uploadRequired" : "scores.evidence.upload")}
            <span className="visually-hidden"> {lineName}</span>
          </label>
          <input
            id={inputId}
            type="file"
            accept={EVIDENCE_ACCEPT}
            disabled={upload.isPending}
            aria-describedby={EVIDENCE_HINT_ID}
            onChange={pick}
          />
        </div>
      )}
      {upload.isPending && (
        <div className="upload-progress" role="status">
          <progress
            max={100}
            value={percent ?? undefined}
            aria-label={t("scores.evidence.progressLabel", { line: lineName })}
          />
          <span>
            {percent === null
              ? t("scores.evidence.preparing")
              : percent >= 100
                ? t("scores.evidence.checking")
                : t("scores.evidence.uploading", { percent })}
          </span>
        </div>
      )}
      {(problem ?? failure) && (
        <p className="field-error" role="alert">
          {problem ?? failure}
        </p>
      )}
    </div>
  );
}
