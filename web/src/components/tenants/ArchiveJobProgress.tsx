import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ArchiveJob, JobQuery } from "../../api/archives.ts";
import { useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";

/**
 * An export, import or erase as it runs: its step and count, then the archive to download (an export), what
 * went wrong (a failure, nothing written by an import refused), or a way to resume a job whose process stopped.
 */
export function ArchiveJobProgress({
  query,
  resume: resumeJob,
  onEnded,
}: {
  query: JobQuery;
  /** Takes over a job whose process stopped (the operator's); without it, a stopped job is only said. */
  resume?: () => Promise<unknown>;
  /** Called once when the job ends, done or failed. */
  onEnded?: (job: ArchiveJob) => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const codeMessage = useCodeMessage();
  const queryClient = useQueryClient();
  const job = useQuery(query);
  const resume = useMutation({
    mutationFn: () => (resumeJob ? resumeJob() : Promise.resolve()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: query.queryKey }),
  });
  const told = useRef(false);
  useEffect(() => {
    const ended = job.data?.status === "done" || job.data?.status === "failed";
    if (job.data && ended && !told.current) {
      told.current = true;
      onEnded?.(job.data);
    }
  }, [job.data, onEnded]);

  if (job.isError) return <ErrorAlert message={describe(job.error)} />;
  const data = job.data;
  if (!data) return <p aria-live="polite">{t("provinceArchive.reading")}</p>;
  const label = t(`provinceArchive.kind.${data.kind}`);
  return (
    <div className="archive-job" aria-live="polite">
      <p>
        <strong>{label}</strong>: {t(`provinceArchive.status.${data.status}`)}
        {data.status === "running" && ` (${t(`provinceArchive.phase.${data.phase}`)})`}
      </p>
      {(data.status === "running" || data.status === "waiting") && (
        <progress
          max={data.total || 1}
          value={data.total ? data.done : undefined}
          aria-label={t("provinceArchive.progressLabel", { kind: label })}
        />
      )}
      {data.total > 0 && <p className="hint">{t("provinceArchive.count", { done: data.done, total: data.total })}</p>}
      {data.stale && (
        <div className="alert alert-warning">
          <p>{t("provinceArchive.stale")}</p>
          <button
            type="button"
            className="button-secondary"
            disabled={resume.isPending}
            onClick={() => resume.mutate()}
          >
            {t("provinceArchive.resume")}
          </button>
          {resume.isError && <ErrorAlert message={describe(resume.error)} />}
        </div>
      )}
      {data.status === "failed" && (
        <div className="alert alert-error" role="alert">
          <p>{data.kind === "import" ? t("provinceArchive.importFailed") : t("provinceArchive.failed")}</p>
          <ul>
            {(data.errors ?? []).map((e) => (
              <li key={`${e.path}-${e.message}`}>{codeMessage(e.message)}</li>
            ))}
          </ul>
          {resumeJob && (
            <button
              type="button"
              className="button-secondary"
              disabled={resume.isPending}
              onClick={() => resume.mutate()}
            >
              {t("provinceArchive.rerun")}
            </button>
          )}
        </div>
      )}
      {data.status === "done" && "download" in data && data.download && (
        <p>
          <a className="button-primary" href={data.download.url} download>
            {t("provinceArchive.download", {
              size: Math.max(1, Math.round((data.archive?.bytes ?? 0) / 1024)).toLocaleString("vi-VN"),
            })}
          </a>
        </p>
      )}
      {data.archive?.sha256 && (
        <p className="hint">
          {t("provinceArchive.checksum")} <code>{data.archive.sha256}</code>
        </p>
      )}
    </div>
  );
}
