import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type YearCycle, yearCyclesQuery } from "../../api/cycle.ts";
import { unitsQuery } from "../../api/units.ts";
import { yearPath } from "../../navigation.ts";
import { DeadlineNote } from "../cycle/DeadlineNote.tsx";
import { currentDeadline, hasDuties } from "../cycle/tasks.ts";
import { DataTable } from "../DataTable.tsx";
import { QueryState } from "../QueryState.tsx";

const phaseOf = (item: YearCycle) =>
  !item.year || item.year.status === "planning"
    ? null
    : item.year.status === "closed"
      ? "closed"
      : (item.year.phase ?? "registration");

/** Every bloc the viewer sees with where its year stands, each linking to its year page (one batch read). */
export function BlocYearsTable({ year }: { year: number }) {
  const { t } = useTranslation();
  const cycles = useQuery(yearCyclesQuery(year));
  const units = useQuery(unitsQuery());
  const name = (id: string) => units.data?.find((u) => u.unitId === id)?.name ?? "";
  return (
    <QueryState
      query={cycles}
      loading={t("home.loading")}
      empty={({ items }) => items.length === 0 && t("home.noBlocs")}
    >
      {({ items }) => {
        const counts = new Map<string, number>();
        for (const item of items) {
          const key = phaseOf(item) ?? "planning";
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        return (
          <>
            <ul className="phase-counts" aria-label={t("home.countsLabel")}>
              {[...counts].map(([key, count]) => (
                <li key={key}>
                  <strong>{count}</strong>{" "}
                  {key === "planning" ? t("home.notLaunchedShort") : t(`cycle.phase.${key as "registration"}`)}
                </li>
              ))}
            </ul>
            <DataTable<YearCycle>
              caption={t("home.tableCaption", { year })}
              rows={items}
              rowKey={(item) => item.bloc.blocId}
              columns={[
                {
                  key: "bloc",
                  header: t("blocs.name"),
                  cell: (item) => <Link to={yearPath(item.bloc.blocId, year)}>{item.bloc.name}</Link>,
                },
                {
                  key: "phase",
                  header: t("cycle.currentPhase"),
                  cell: (item) => {
                    const phase = phaseOf(item);
                    return phase ? (
                      <span className={`badge badge-phase-${phase}`}>{t(`cycle.phase.${phase}`)}</span>
                    ) : (
                      <span className="muted">{t("home.notLaunched", { year })}</span>
                    );
                  },
                },
                {
                  key: "deadline",
                  header: t("home.deadline"),
                  cell: (item) => {
                    const phase = phaseOf(item);
                    return phase && hasDuties(phase) ? (
                      <DeadlineNote deadline={currentDeadline(phase, item.year?.deadlines)} />
                    ) : null;
                  },
                },
                {
                  key: "leader",
                  header: t("seats.leader"),
                  cell: (item) =>
                    item.year?.leaderUnitId ? name(item.year.leaderUnitId) : <span className="muted">—</span>,
                },
                {
                  key: "members",
                  header: t("home.members"),
                  kind: "num",
                  cell: (item) => item.year?.memberUnitIds.length ?? 0,
                },
              ]}
            />
          </>
        );
      }}
    </QueryState>
  );
}
