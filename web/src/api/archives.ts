import { queryOptions } from "@tanstack/react-query";
import type { ArchiveJob } from "@thidua/core/archive/rules";
import { api, call, params } from "./client.ts";

export type { ArchiveJob };

const { tenants, exports } = api.archives;

export const archiveKeys = {
  jobs: (tenantId: string) => ["archive-jobs", tenantId] as const,
  job: (tenantId: string, jobId: string) => ["archive-jobs", tenantId, jobId] as const,
  ownExport: (jobId: string) => ["own-exports", jobId] as const,
};

const ended = (job: ArchiveJob | undefined) => job?.status === "done" || job?.status === "failed";

/** A job's progress, read every second until it ends (or stops: a stale job waits for a resume). */
const polled = <T extends ArchiveJob>(queryKey: readonly string[], queryFn: () => Promise<T>) =>
  queryOptions({
    queryKey,
    queryFn,
    refetchInterval: (query) => (ended(query.state.data) || query.state.data?.stale ? false : 1000),
  });

/** A job of a province, as the operator follows it. */
export const archiveJobQuery = (tenantId: string, jobId: string) =>
  polled(archiveKeys.job(tenantId, jobId), () =>
    call(tenants[":tenantId"]["archive-jobs"][":jobId"].$get({ param: params({ tenantId, jobId }) })),
  );

/** An export of the board's own province. */
export const ownExportQuery = (jobId: string) =>
  polled(archiveKeys.ownExport(jobId), () => call(exports[":jobId"].$get({ param: params({ jobId }) })));

export type JobQuery = ReturnType<typeof archiveJobQuery>;

/** The board's exports of its own province, newest first. */
export const ownExportsQuery = () =>
  queryOptions({ queryKey: ["own-exports"], queryFn: async () => (await call(exports.$get())).items });

export const startOwnExport = () => call(exports.$post());

/** The province's jobs, newest first: the latest export to download again. */
export const archiveJobsQuery = (tenantId: string) =>
  queryOptions({
    queryKey: archiveKeys.jobs(tenantId),
    queryFn: async () => (await call(tenants[":tenantId"]["archive-jobs"].$get({ param: params({ tenantId }) }))).items,
  });

export const startExport = (tenantId: string) =>
  call(tenants[":tenantId"].exports.$post({ param: params({ tenantId }) }));

export const prepareImport = (tenantId: string, size: number) =>
  call(tenants[":tenantId"].imports.$post({ param: params({ tenantId }), json: { size } }));

export const runImport = (tenantId: string, jobId: string) =>
  call(tenants[":tenantId"]["archive-jobs"][":jobId"].run.$post({ param: params({ tenantId, jobId }) }));

export const resumeJob = (tenantId: string, jobId: string) =>
  call(tenants[":tenantId"]["archive-jobs"][":jobId"].resume.$post({ param: params({ tenantId, jobId }) }));

export const eraseTenant = (tenantId: string, version: number) =>
  call(tenants[":tenantId"].erase.$post({ param: params({ tenantId }), json: { version } }));
