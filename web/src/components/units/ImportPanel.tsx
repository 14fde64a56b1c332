import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { blocKeys } from "../../api/blocs.ts";
import { type ImportRequest, importJobQuery, previewImport, readSheetFile, runImport } from "../../api/unitImport.ts";
import { unitKeys } from "../../api/units.ts";
import { Loading } from "../Loading.tsx";
import { currentYear } from "../YearSelect.tsx";
import { ImportPreviewTable } from "./ImportPreviewTable.tsx";
import { ImportProblems } from "./ImportProblems.tsx";
import { ImportProgress } from "./ImportProgress.tsx";
import { ImportSheetPicker } from "./ImportSheetPicker.tsx";

/** A fresh job id; crypto.randomUUID needs a secure context, which a plain-http address is not. */
function newImportId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Units from an .xlsx sheet: choosing the file (or the year) runs the checks at once and previews
 * the rows, or lists each row's problems; nothing is written until "Nhập N đơn vị", whose progress
 * is polled. All rows are imported, or none.
 */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(currentYear);
  const [importId, setImportId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const check = useMutation({
    mutationFn: async (chosen: { file: File; year: number }) => {
      const request: ImportRequest = { file: await readSheetFile(chosen.file), year: chosen.year };
      return { request, preview: await previewImport(request) };
    },
  });
  const run = useMutation({
    mutationFn: ({ request, id }: { request: ImportRequest; id: string }) => runImport(request, id),
    // Also after a rollback: the list shows what is really there.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      void queryClient.invalidateQueries({ queryKey: blocKeys.all });
    },
  });
  const job = useQuery(importJobQuery(importId ?? "", importId !== null && run.isPending));

  const choose = (next: File | null, forYear = year) => {
    setFile(next);
    setImportId(null);
    run.reset();
    if (next) check.mutate({ file: next, year: forYear });
    else check.reset();
  };
  const start = () => {
    if (!check.data) return;
    const id = newImportId();
    setImportId(id);
    run.mutate({ request: check.data.request, id });
  };

  const total = run.data?.created ?? job.data?.total ?? check.data?.preview.total ?? 0;
  const checked = check.data;

  return (
    <section className="card import-panel" aria-labelledby="import-title">
      <div className="import-head">
        <h2 id="import-title" ref={headingRef} tabIndex={-1}>
          {t("unitImport.title")}
        </h2>
        <button type="button" className="button-secondary button-small" onClick={onClose}>
          {t("unitImport.close")}
        </button>
      </div>
      {importId === null ? (
        <>
          <ImportSheetPicker
            year={year}
            onYear={(next) => {
              setYear(next);
              if (file) choose(file, next);
            }}
            onFile={(next) => choose(next)}
          />
          {check.isPending && <Loading label={t("unitImport.checking")} />}
          {check.isError && <ImportProblems error={check.error} />}
          {checked && (
            <>
              <p role="status">{t("unitImport.ready", { count: checked.preview.total, year: checked.request.year })}</p>
              <ImportPreviewTable preview={checked.preview} year={checked.request.year} />
              <button type="button" className="button-primary" onClick={start}>
                {t("unitImport.start", { count: checked.preview.total })}
              </button>
            </>
          )}
        </>
      ) : (
        <>
          {!run.isError && (
            <ImportProgress
              done={run.isSuccess ? total : (job.data?.done ?? 0)}
              total={total}
              phase={run.isSuccess ? "finished" : job.data?.phase}
            />
          )}
          {run.isSuccess && (
            <p role="status" className="alert alert-success">
              {t("unitImport.done", { count: run.data.created, year })}
            </p>
          )}
          {run.isError && <ImportProblems error={run.error} />}
          {!run.isPending && (
            <div className="button-row">
              <button type="button" className="button-secondary" onClick={() => choose(null)}>
                {t("unitImport.another")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
