import { useTranslation } from "react-i18next";
import type { Participation } from "../../api/cycle.ts";
import type { ScoreGrid } from "../../api/scores.ts";
import { Signature } from "../cycle/Signature.tsx";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { LineEvidence } from "./LineEvidence.tsx";
import { formatPoints } from "./points.ts";
import { lineTexts } from "./sheet.ts";

/** A sheet once submitted: the unit's points beside the verifier's, with the reasons of each difference. */
export function SheetResult({ grid, part }: { grid: ScoreGrid; part: Participation }) {
  const { t, i18n } = useTranslation();
  const { name } = useYearScope();
  const texts = lineTexts(grid.table);
  const self = part.scores?.lines ?? {};
  const verified = part.verification?.lines ?? {};
  const points = (value: number | undefined) =>
    value === undefined ? <span className="muted">—</span> : formatPoints(value, i18n.language);
  const totals = grid.totals.find((x) => x.unitId === part.unitId);
  const scorer = part.verification?.scorerUnitId;
  return (
    <div className="stack">
      {part.scores?.submitted && <Signature signed={part.scores.submitted} label={t("scores.result.submitted")} />}
      <p>
        {part.verification?.locked ? (
          <Signature signed={part.verification.locked} label={t("scores.result.locked")} />
        ) : (
          t(scorer ? "scores.result.verifyingBy" : "scores.result.verifyingByLeader", {
            name: scorer ? name(scorer) : "",
          })
        )}
      </p>
      <DataTable
        caption={t("scores.result.caption")}
        className="score-result"
        rows={grid.lines}
        rowKey={(line) => line.id}
        columns={[
          {
            key: "line",
            header: t("scores.result.line"),
            cell: (line) => (
              <>
                <span className="criterion-number">{line.id}</span> {texts.get(line.id)?.title}
              </>
            ),
          },
          { key: "max", header: t("scores.result.max"), kind: "num", cell: (line) => points(line.maxPoints) },
          { key: "self", header: t("scores.result.self"), kind: "num", cell: (line) => points(self[line.id]?.points) },
          {
            key: "note",
            header: t("scores.result.note"),
            cell: (line) => {
              const value = self[line.id];
              if (!value) return null;
              return (
                <>
                  {value.note && <p className="pre-line cell-text">{value.note}</p>}
                  <LineEvidence unitId={part.unitId} lineId={line.id} line={value} />
                </>
              );
            },
          },
          {
            key: "verified",
            header: t("scores.result.verified"),
            kind: "num",
            cell: (line) => points(verified[line.id]?.points),
          },
          { key: "reason", header: t("scores.result.reason"), cell: (line) => verified[line.id]?.reason ?? "" },
        ]}
        footer={
          totals && (
            <tr className="total-row">
              <th scope="row">{t("scores.result.total")}</th>
              <td />
              <td className="num">{formatPoints(totals.self, i18n.language)}</td>
              <td />
              <td className="num">{formatPoints(totals.verified, i18n.language)}</td>
              <td />
            </tr>
          )
        }
      />
    </div>
  );
}
