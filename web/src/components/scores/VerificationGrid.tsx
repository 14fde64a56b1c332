import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Participation } from "../../api/cycle.ts";
import type { ScoreGrid, TableLine } from "../../api/scores.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { type Column, DataTable } from "../DataTable.tsx";
import { formatPoints } from "./points.ts";
import { SheetActions } from "./SheetActions.tsx";
import { canVerify, lineTexts } from "./sheet.ts";
import { VerifyDialog } from "./VerifyDialog.tsx";

/**
 * Members × lines: each cell the unit's points and the verified ones ("55 → 50"); a cell the viewer may
 * verify opens the verification form. Wide tables scroll sideways with the unit's name kept in view.
 */
export function VerificationGrid({ grid, parts }: { grid: ScoreGrid; parts: readonly Participation[] }) {
  const { t, i18n } = useTranslation();
  const { view, viewer, name, sorted } = useYearScope();
  const texts = lineTexts(grid.table);
  const [open, setOpen] = useState<{ unitId: string; lineId: string } | null>(null);
  const byId = new Map(parts.map((p) => [p.unitId, p]));
  const rows = sorted(parts.map((p) => p.unitId)).flatMap((id) => byId.get(id) ?? []);
  const number = (x: number) => formatPoints(x, i18n.language);

  const cell = (part: Participation, line: TableLine) => {
    const self = part.scores?.lines[line.id]?.points;
    const verified = part.verification?.lines[line.id];
    const shown = (
      <>
        <span>{self === undefined ? "—" : number(self)}</span>
        {verified && (
          <span className={verified.points !== (self ?? 0) ? "verified adjusted" : "verified"}>
            {" → "}
            {number(verified.points)}
          </span>
        )}
      </>
    );
    const label = t("scores.grid.cellLabel", {
      unit: name(part.unitId),
      line: line.id,
      self: self === undefined ? t("scores.grid.none") : number(self),
      verified: verified ? number(verified.points) : t("scores.grid.none"),
    });
    if (!canVerify(viewer, view.phase, part) || !part.scores?.submitted)
      return (
        <>
          <span aria-hidden="true">{shown}</span>
          <span className="visually-hidden">{label}</span>
        </>
      );
    return (
      <button
        type="button"
        className={verified ? "grid-cell done" : "grid-cell"}
        aria-label={label}
        onClick={() => setOpen({ unitId: part.unitId, lineId: line.id })}
      >
        {shown}
      </button>
    );
  };

  const columns: Column<Participation>[] = [
    { key: "unit", header: t("scores.grid.unit"), cell: (part) => name(part.unitId) },
    ...grid.lines.map(
      (line): Column<Participation> => ({
        key: `line-${line.id}`,
        header: (
          <abbr title={texts.get(line.id)?.title} className={`line-head line-${line.kind}`}>
            {line.id}
          </abbr>
        ),
        kind: "num",
        cell: (part) => cell(part, line),
      }),
    ),
    {
      key: "total",
      header: t("scores.grid.total"),
      kind: "num",
      cell: (part) => {
        const totals = grid.totals.find((x) => x.unitId === part.unitId);
        return totals ? `${number(totals.self)} → ${number(totals.verified)}` : "";
      },
    },
    {
      key: "scorer",
      header: t("scores.grid.scorer"),
      cell: (part) =>
        part.verification?.scorerUnitId ? name(part.verification.scorerUnitId) : t("cycle.progress.byLeader"),
    },
    { key: "state", header: t("scores.grid.state"), cell: (part) => <SheetActions part={part} lines={grid.lines} /> },
  ];
  const openPart = open && byId.get(open.unitId);
  const openLine = open && grid.lines.find((l) => l.id === open.lineId);
  return (
    <>
      <DataTable
        caption={t("scores.grid.caption")}
        className="verification-grid"
        rows={rows}
        rowKey={(part) => part.unitId}
        columns={columns}
      />
      {openPart && openLine && (
        <VerifyDialog part={openPart} line={openLine} text={texts.get(openLine.id)} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
