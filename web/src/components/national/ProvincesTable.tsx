import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { dateFormat, dateTimeFormat } from "../../i18n/dates.ts";
import { nationalProvincePath } from "../../navigation.ts";
import { type Column, DataTable } from "../DataTable.tsx";
import { DutiesCell } from "./DutiesCell.tsx";
import type { ProvinceRow } from "./provinces.ts";
import { StageBar } from "./StageBar.tsx";
import type { Sort, SortKey } from "./table.ts";

interface ProvincesTableProps {
  rows: readonly ProvinceRow[];
  year: number;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** The operator sees each province's status in the registry. */
  withStatus: boolean;
}

/** The provinces' figures, one row each, every column sortable; a province's name opens its blocs. */
export function ProvincesTable({ rows, year, sort, onSort, withStatus }: ProvincesTableProps) {
  const { t, i18n } = useTranslation();
  const day = dateFormat(i18n.language);
  const moment = dateTimeFormat(i18n.language);
  const columns: (Column<ProvinceRow> & { key: SortKey })[] = [
    {
      key: "name",
      header: t("national.table.province"),
      sortable: true,
      cell: (row) => (
        <>
          <Link to={nationalProvincePath(row.tenantId, year)}>{row.name}</Link>
          {!row.hasData && <span className="row-note">{t("national.noData")}</span>}
        </>
      ),
    },
    ...(withStatus
      ? [
          {
            key: "status" as const,
            header: t("national.table.status"),
            sortable: true,
            cell: (row: ProvinceRow) =>
              row.status ? (
                <span className={`badge badge-${row.status}`}>{t(`tenants.status.${row.status}`)}</span>
              ) : (
                <span className="muted">—</span>
              ),
          },
        ]
      : []),
    { key: "units", header: t("national.table.units"), kind: "num", sortable: true, cell: (row) => row.units },
    {
      key: "blocs",
      header: t("national.table.blocs"),
      sortable: true,
      cell: (row) => (
        <>
          <span aria-hidden="true">
            {row.blocs} · {row.clusters}
          </span>
          <span className="visually-hidden">
            {t("national.table.blocsCell", { blocs: row.blocs, clusters: row.clusters })}
          </span>
        </>
      ),
    },
    {
      key: "progress",
      header: t("national.table.progress"),
      sortable: true,
      cell: (row) => <StageBar counts={row.stages} />,
    },
    {
      key: "duties",
      header: t("national.table.duties"),
      sortable: true,
      cell: (row) => <DutiesCell duties={row.duties} members={row.memberUnits} />,
    },
    { key: "ballots", header: t("national.table.ballots"), kind: "num", sortable: true, cell: (row) => row.ballots },
    {
      key: "proposals",
      header: t("national.table.proposals"),
      kind: "num",
      sortable: true,
      cell: (row) => row.proposals,
    },
    { key: "awards", header: t("national.table.awards"), kind: "num", sortable: true, cell: (row) => row.awards },
    {
      key: "lastActivity",
      header: t("national.table.lastActivity"),
      sortable: true,
      cell: (row) =>
        row.lastActivity ? (
          <time dateTime={row.lastActivity} title={moment.format(new Date(row.lastActivity))}>
            {day.format(new Date(row.lastActivity))}
          </time>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];
  return (
    <DataTable<ProvinceRow>
      caption={t("national.table.caption", { year })}
      className="national-table"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.tenantId}
      rowProps={(row) => (row.hasData ? {} : { className: "inactive" })}
      sort={{ key: sort.key, direction: sort.direction, onSort: (key) => onSort(key as SortKey) }}
    />
  );
}
