import { useTranslation } from "react-i18next";
import type { Unit } from "../../api/units.ts";
import { DataTable } from "../DataTable.tsx";
import { EditButton } from "../EditButton.tsx";

/** One page of units; "Sửa" opens a unit in the form beside the list, "Khen thưởng" its award history. */
export function UnitTable({
  units,
  selectedId,
  onEdit,
  onAwards,
}: {
  units: Unit[];
  selectedId?: string;
  onEdit: (unit: Unit) => void;
  onAwards: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t("units.listLabel")}
      rows={units}
      rowKey={(unit) => unit.unitId}
      rowProps={(unit) => (unit.unitId === selectedId ? { "aria-current": "true" } : {})}
      columns={[
        {
          key: "name",
          header: t("units.name"),
          cell: (unit) => (
            <>
              {unit.name}
              {unit.shortName && <span className="muted"> ({unit.shortName})</span>}
              {unit.archivedAt && <span className="badge badge-archived"> {t("units.archivedBadge")}</span>}
            </>
          ),
        },
        { key: "kind", header: t("units.kindLabel"), cell: (unit) => t(`units.kind.${unit.kind}`) },
        {
          key: "discipline",
          header: t("units.disciplineColumn"),
          cell: (unit) => {
            const years = Object.keys(unit.discipline).sort((a, b) => b.localeCompare(a));
            if (years.length === 0) return <span className="muted">{t("units.noDiscipline")}</span>;
            return years.map((year) => (
              <span key={year} className="badge badge-warning" title={unit.discipline[year]}>
                {year}
              </span>
            ));
          },
        },
        {
          key: "actions",
          kind: "actions",
          header: <span className="visually-hidden">{t("units.actions")}</span>,
          cell: (unit) => (
            <div className="row-buttons">
              <button
                type="button"
                className="button-secondary button-small"
                aria-label={t("proposals.history.label", { name: unit.name })}
                onClick={() => onAwards(unit)}
              >
                {t("proposals.history.button")}
              </button>
              <EditButton label={t("units.editNamed", { name: unit.name })} onClick={() => onEdit(unit)} />
            </div>
          ),
        },
      ]}
    />
  );
}
