import { useMutation } from "@tanstack/react-query";
import { MAX_IMPORT_ROWS } from "@thidua/core/import/rules";
import { useTranslation } from "react-i18next";
import { downloadImportTemplate, TEMPLATE_FILE_NAME } from "../../api/unitImport.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { saveFile } from "../saveFile.ts";
import { YearSelect } from "../YearSelect.tsx";

interface ImportSheetPickerProps {
  year: number;
  onYear: (year: number) => void;
  onFile: (file: File | null) => void;
}

/** The sheet and the year to import for, and the template to start from. */
export function ImportSheetPicker({ year, onYear, onFile }: ImportSheetPickerProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const template = useMutation({
    mutationFn: downloadImportTemplate,
    onSuccess: (blob) => saveFile(blob, TEMPLATE_FILE_NAME),
  });
  return (
    <div className="import-picker">
      <p className="hint">{t("unitImport.intro", { max: MAX_IMPORT_ROWS })}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="import-file">{t("unitImport.file")}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            // Cleared when the picker opens, so choosing the same (corrected) file again checks it again.
            onClick={(e) => {
              e.currentTarget.value = "";
            }}
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <YearSelect id="import-year" label={t("unitImport.year")} year={year} onChange={onYear} />
        <button
          type="button"
          className="button-secondary"
          disabled={template.isPending}
          aria-busy={template.isPending}
          onClick={() => template.mutate()}
        >
          {t("unitImport.template")}
        </button>
      </div>
      {template.isError && <ErrorAlert message={describe(template.error)} />}
    </div>
  );
}
