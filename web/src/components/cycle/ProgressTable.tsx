import { useTranslation } from "react-i18next";
import type { MemberProgress } from "../../api/cycle.ts";
import { DataTable } from "../DataTable.tsx";
import { LateBadge } from "./DeadlineNote.tsx";
import { reached } from "./phaseOrder.ts";
import { useYearScope } from "./YearContext.tsx";

const steps = ["registered", "signed", "reported", "submitted", "locked"] as const;

/** Every member's progress at each step of the year: ✓ when done, the late ones flagged. */
export function ProgressTable() {
  const { t } = useTranslation();
  const { view, sorted, name, viewer } = useYearScope();
  const byId = new Map(view.progress.map((p) => [p.unitId, p]));
  const rows = sorted(view.progress.map((p) => p.unitId)).flatMap((id) => byId.get(id) ?? []);
  const mark = (done: boolean) =>
    done ? (
      <span className="tick" role="img" aria-label={t("cycle.progress.done")}>
        ✓
      </span>
    ) : (
      <span className="muted" role="img" aria-label={t("cycle.progress.notDone")}>
        —
      </span>
    );
  const late = rows.filter((r) => r.late).length;
  const scorerColumn = {
    key: "scorer",
    header: t("cycle.progress.scorer"),
    cell: (row: MemberProgress) =>
      row.scorerUnitId ? name(row.scorerUnitId) : <span className="muted">{t("cycle.progress.byLeader")}</span>,
  };
  return (
    <section className="card" aria-labelledby="progress-title">
      <h2 id="progress-title">{t("cycle.progress.title", { count: rows.length })}</h2>
      {late > 0 && <p className="hint">{t("cycle.progress.lateCount", { count: late })}</p>}
      <DataTable<MemberProgress>
        caption={t("cycle.progress.caption")}
        className="progress-table"
        rows={rows}
        rowKey={(row) => row.unitId}
        rowProps={(row) => (row.unitId === viewer.unitId ? { "aria-current": "true" } : {})}
        columns={[
          {
            key: "unit",
            header: t("cycle.progress.unit"),
            cell: (row) => (
              <>
                {name(row.unitId)} {row.late && <LateBadge />}
                {row.unitId === view.year.leaderUnitId && (
                  <span className="badge badge-leader">{t("seats.leader")}</span>
                )}
              </>
            ),
          },
          ...steps.map((step) => ({
            key: step,
            header: t(`cycle.progress.${step}`),
            cell: (row: MemberProgress) => mark(row[step]),
          })),
          // Who verifies each sheet matters from scoring on.
          ...(reached(view.phase, "scoring") ? [scorerColumn] : []),
        ]}
      />
    </section>
  );
}
