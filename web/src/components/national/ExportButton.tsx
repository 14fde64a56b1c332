import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { saveFile } from "../saveFile.ts";
import { exportTable } from "./exportRows.ts";
import type { ProvinceRow } from "./provinces.ts";
import { xlsxOf } from "./xlsx.ts";

/** Saves the provinces as shown (filtered, in the table's order) as an .xlsx sheet, made in the browser. */
export function ExportButton({
  rows,
  year,
  withStatus,
}: {
  rows: readonly ProvinceRow[];
  year: number;
  withStatus: boolean;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const save = useMutation({
    mutationFn: () =>
      xlsxOf(
        t("national.export.sheet", { year }),
        exportTable(rows, {
          header: (column) => t(`national.export.columns.${column}`),
          ...(withStatus ? { status: (status) => t(`tenants.status.${status}`) } : {}),
        }),
      ),
    onSuccess: (blob) => saveFile(blob, t("national.export.fileName", { year })),
  });
  return (
    <div className="export-action">
      <button
        type="button"
        className="button-secondary"
        disabled={save.isPending || rows.length === 0}
        onClick={() => save.mutate()}
      >
        {save.isPending ? t("national.export.saving") : t("national.export.button", { count: rows.length })}
      </button>
      {save.isError && <ErrorAlert message={describe(save.error)} onRetry={() => save.mutate()} />}
    </div>
  );
}
