import { useTranslation } from "react-i18next";
import { useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { sheetProblems } from "./importProblems.ts";

/** Why the sheet was refused or the import undone: the error, then each row's problems ("Dòng 7: …"). */
export function ImportProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const codeMessage = useCodeMessage();
  const { rows, missingColumns, other } = sheetProblems(error);
  const hasList = rows.length > 0 || missingColumns.length > 0 || other.length > 0;
  return (
    <div role="alert" className="alert alert-error import-problems">
      <p>{describe(error)}</p>
      {hasList && (
        <ul aria-label={t("unitImport.problemsLabel")}>
          {missingColumns.length > 0 && (
            <li>{t("unitImport.missingColumns", { columns: missingColumns.join(", ") })}</li>
          )}
          {rows.map(({ row, codes }) => (
            <li key={row}>
              {t("unitImport.rowProblem", { row, problems: codes.map((code) => codeMessage(code)).join(" ") })}
            </li>
          ))}
          {other.map((code) => (
            <li key={code}>{codeMessage(code)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
