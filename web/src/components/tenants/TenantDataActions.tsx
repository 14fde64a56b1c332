import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { archiveJobQuery, eraseTenant, resumeJob, startExport } from "../../api/archives.ts";
import { type Tenant, tenantKeys } from "../../api/tenants.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { Confirmation } from "../Confirmation.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { ArchiveJobProgress } from "./ArchiveJobProgress.tsx";

/**
 * The operator's export of a province to one archive (any status but erased), and the erase of an archived
 * province's data once exported, after a confirmation that says what goes and what stays.
 */
export function TenantDataActions({ tenant, describedBy }: { tenant: Tenant; describedBy: string }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const exporting = useMutation({
    mutationFn: () => startExport(tenant.tenantId),
    onSuccess: (job) => setJobId(job.jobId),
  });
  const erasing = useMutation({
    mutationFn: () => eraseTenant(tenant.tenantId, tenant.version),
    onSuccess: (job) => {
      setConfirming(false);
      setJobId(job.jobId);
    },
  });
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: tenantKeys.all }), [queryClient]);
  if (tenant.status === "erased") return null;
  const confirmId = `erase-${tenant.tenantId}`;

  return (
    <div className="tenant-data">
      {confirming ? (
        <Confirmation
          id={confirmId}
          danger
          message={t("provinceArchive.confirmErase", { name: tenant.name })}
          label={t("provinceArchive.erase")}
          pendingLabel={t("provinceArchive.erasing")}
          pending={erasing.isPending}
          onConfirm={() => erasing.mutate()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button-secondary"
            aria-describedby={describedBy}
            disabled={exporting.isPending}
            aria-busy={exporting.isPending}
            onClick={() => {
              setJobId(null);
              exporting.mutate();
            }}
          >
            {t("provinceArchive.export")}
          </button>
          {tenant.status === "archived" && (
            <button
              type="button"
              className="button-danger"
              aria-describedby={describedBy}
              onClick={() => setConfirming(true)}
            >
              {t("provinceArchive.erase")}
            </button>
          )}
        </div>
      )}
      {exporting.isError && <ErrorAlert message={describe(exporting.error)} />}
      {erasing.isError && <ErrorAlert message={describe(erasing.error)} />}
      {jobId && (
        <ArchiveJobProgress
          key={jobId}
          query={archiveJobQuery(tenant.tenantId, jobId)}
          resume={() => resumeJob(tenant.tenantId, jobId)}
          onEnded={refresh}
        />
      )}
    </div>
  );
}
