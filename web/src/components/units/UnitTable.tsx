import { useTranslation } from "react-i18next";
import type { Unit } from "../../api/units.ts";

/** One page of units; "Sửa" opens a unit in the form beside the list. */
export function UnitTable({
  units,
  selectedId,
  onEdit,
}: {
  units: Unit[];
  selectedId?: string;
  onEdit: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t("units.listLabel")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("units.name")}</th>
            <th scope="col">{t("units.kindLabel")}</th>
            <th scope="col">{t("units.disciplineColumn")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("units.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => {
            const years = Object.keys(unit.discipline).sort((a, b) => b.localeCompare(a));
            return (
              <tr key={unit.unitId} aria-current={unit.unitId === selectedId ? "true" : undefined}>
                <th scope="row" className="unit-name">
                  {unit.name}
                  {unit.shortName && <span className="muted"> ({unit.shortName})</span>}
                </th>
                <td>{t(`units.kind.${unit.kind}`)}</td>
                <td>
                  {years.length > 0 ? (
                    years.map((year) => (
                      <span key={year} className="badge badge-warning" title={unit.discipline[year]}>
                        {year}
                      </span>
                    ))
                  ) : (
                    <span className="muted">{t("units.noDiscipline")}</span>
                  )}
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button-secondary button-small"
                    aria-label={t("units.editNamed", { name: unit.name })}
                    onClick={() => onEdit(unit)}
                  >
                    {t("form.edit")}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
