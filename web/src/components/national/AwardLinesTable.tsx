import { useTranslation } from "react-i18next";
import type { OverviewFigures } from "../../api/national.ts";
import { DataTable } from "../DataTable.tsx";
import { type AwardLine, awardLines, statusColumns } from "./awards.ts";

/** A province's proposals of the year by award type and status, with each type's total. */
export function AwardLinesTable({ proposals, year }: { proposals: OverviewFigures["proposals"]; year: number }) {
  const { t } = useTranslation();
  const lines = awardLines(proposals);
  if (lines.length === 0) return <p className="empty">{t("national.province.noProposals", { year })}</p>;
  return (
    <DataTable<AwardLine>
      caption={t("national.province.awardsCaption", { year })}
      rows={lines}
      rowKey={(line) => line.awardTypeId}
      columns={[
        { key: "award", header: t("national.province.awardType"), cell: (line) => line.name },
        ...statusColumns.map((status) => ({
          key: status,
          header: t(`proposals.status.${status}`),
          kind: "num" as const,
          cell: (line: AwardLine) => line.counts[status],
        })),
        { key: "total", header: t("national.province.total"), kind: "num", cell: (line) => line.total },
      ]}
    />
  );
}
