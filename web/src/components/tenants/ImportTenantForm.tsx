import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TenantId } from "@thidua/core/tenant/rules";
import { type FormEvent, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { archiveJobQuery, prepareImport, resumeJob, runImport } from "../../api/archives.ts";
import { uploadFile } from "../../api/evidence.ts";
import { tenantKeys } from "../../api/tenants.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { ArchiveJobProgress } from "./ArchiveJobProgress.tsx";

/**
 * Brings a province exported from another deployment into this one: the archive is uploaded straight to
 * storage, then checked whole (checksums, version, province) before anything is written.
 */
export function ImportTenantForm() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [tenantId, setTenantId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const [idError, setIdError] = useState<string>();
  const [fileError, setFileError] = useState<string>();
  const [job, setJob] = useState<{ tenantId: string; jobId: string } | null>(null);
  const importing = useMutation({
    mutationFn: async ({ id, archive }: { id: string; archive: File }) => {
      const ticket = await prepareImport(id, archive.size);
      await uploadFile(ticket.upload, archive, setUploaded);
      return runImport(id, ticket.job.jobId);
    },
    onSuccess: (started) => setJob({ tenantId: started.tenantId, jobId: started.jobId }),
  });
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: tenantKeys.all }), [queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = tenantId.trim();
    const idOk = TenantId.safeParse(id).success;
    setIdError(idOk ? undefined : t("createTenant.idRule"));
    setFileError(file ? undefined : t("provinceArchive.fileMissing"));
    if (!idOk || !file) return;
    setJob(null);
    setUploaded(0);
    importing.mutate({ id, archive: file });
  };

  return (
    <section className="card" aria-labelledby="import-tenant-title">
      <h2 id="import-tenant-title">{t("provinceArchive.importTitle")}</h2>
      <p className="hint">{t("provinceArchive.importHint")}</p>
      <form className="form" onSubmit={submit} noValidate>
        <Field
          id="import-tenantId"
          label={t("provinceArchive.importId")}
          hint={t("provinceArchive.importIdHint")}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          value={tenantId}
          error={idError}
          onChange={(e) => setTenantId(e.target.value)}
        />
        <div className="field">
          <label htmlFor="import-archive">{t("provinceArchive.file")}</label>
          <input
            id="import-archive"
            type="file"
            accept=".tar,application/x-tar"
            aria-describedby={fileError ? "import-archive-error" : undefined}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileError && (
            <p id="import-archive-error" className="field-error">
              {fileError}
            </p>
          )}
        </div>
        {importing.isPending && (
          <progress max={1} value={uploaded} aria-label={t("provinceArchive.uploading")}>
            {Math.round(uploaded * 100)}%
          </progress>
        )}
        {importing.isError && <ErrorAlert message={describe(importing.error)} />}
        <div className="button-row">
          <button
            type="submit"
            className="button-primary"
            disabled={importing.isPending}
            aria-busy={importing.isPending}
          >
            {importing.isPending ? t("provinceArchive.uploading") : t("provinceArchive.import")}
          </button>
        </div>
      </form>
      {job && (
        <ArchiveJobProgress
          key={job.jobId}
          query={archiveJobQuery(job.tenantId, job.jobId)}
          resume={() => resumeJob(job.tenantId, job.jobId)}
          onEnded={refresh}
        />
      )}
    </section>
  );
}
