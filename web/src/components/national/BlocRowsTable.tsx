import { useTranslation } from "react-i18next";
import type { NationalBlocRow } from "../../api/national.ts";
import { DataTable } from "../DataTable.tsx";
import { DutiesCell } from "./DutiesCell.tsx";
import { stageOf } from "./provinces.ts";
import { useStageLabel } from "./StageBar.tsx";

/** A province's blocs and clusters that year: where each year stands and how far its members are. */
export function BlocRowsTable({ rows, year }: { rows: readonly NationalBlocRow[]; year: number }) {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  if (rows.length === 0) return <p className="empty">{t("national.province.noBlocs", { year })}</p>;
  return (
    <>
      <DataTable<NationalBlocRow>
        caption={t("national.province.blocsCaption", { year })}
        rows={rows}
        rowKey={(row) => row.blocId}
        columns={[
          { key: "name", header: t("blocs.name"), cell: (row) => row.name },
          { key: "kind", header: t("blocs.kindLabel"), cell: (row) => t(`blocs.kind.${row.kind}`) },
          {
            key: "stage",
            header: t("national.province.stage"),
            cell: (row) => {
              const stage = stageOf(row);
              return stage === "planning" ? (
                <span className="badge badge-planning">{stageLabel(stage)}</span>
              ) : (
                <span className={`badge badge-phase-${stage}`}>{stageLabel(stage)}</span>
              );
            },
          },
          { key: "members", header: t("home.members"), kind: "num", cell: (row) => row.members },
          {
            key: "duties",
            header: t("national.table.duties"),
            cell: (row) => <DutiesCell duties={row.duties} members={row.members} />,
          },
          { key: "proposals", header: t("national.table.proposals"), kind: "num", cell: (row) => row.proposals },
          { key: "approved", header: t("national.table.awards"), kind: "num", cell: (row) => row.approved },
        ]}
      />
      <p className="hint">{t("national.table.legend")}</p>
    </>
  );
}
