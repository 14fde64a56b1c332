import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../api/unitImport.ts";

/** The units a dry run would create, by sheet row: nothing is written yet. */
export function ImportPreviewTable({ preview, year }: { preview: ImportPreview; year: number }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap import-preview">
      <table className="data-table">
        <caption className="visually-hidden">{t("unitImport.previewLabel", { year })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t("unitImport.row")}
            </th>
            <th scope="col">{t("units.name")}</th>
            <th scope="col">{t("unitImport.shortName")}</th>
            <th scope="col">{t("units.kindLabel")}</th>
            <th scope="col">{t("unitImport.bloc", { year })}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.row}>
              <td className="num">{row.row}</td>
              <th scope="row">{row.name}</th>
              <td>{row.shortName ?? <span className="muted">—</span>}</td>
              <td>{t(`units.kind.${row.kind}`)}</td>
              <td>{row.blocName ?? row.blocId ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
