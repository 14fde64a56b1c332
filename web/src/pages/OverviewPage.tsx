import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type YearCycle, yearCyclesQuery } from "../api/cycle.ts";
import { BlocYearsTable } from "../components/home/BlocYearsTable.tsx";
import { UnitYearCard } from "../components/home/UnitYearCard.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useYear, YearSelect } from "../components/YearSelect.tsx";
import { useActor } from "../session/session.tsx";

/**
 * Where a province's people land: the year at a glance. The board sees every bloc's phase, a council member
 * the blocs they follow, a unit officer each of its blocs with its next step.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [year, setYear] = useYear();
  return (
    <section className="page">
      <div className="page-heading">
        <div>
          <h1>{t("home.title", { year })}</h1>
          <p className="lead">
            {t(`home.intro.${actor.role === "unit" ? "unit" : actor.role === "council" ? "council" : "board"}`)}
          </p>
        </div>
        <YearSelect id="home-year" year={year} onChange={setYear} />
      </div>
      {actor.role === "unit" && actor.unitId ? (
        <UnitHome year={year} unitId={actor.unitId} />
      ) : (
        <div className="card">
          <BlocYearsTable year={year} />
        </div>
      )}
    </section>
  );
}

function UnitHome({ year, unitId }: { year: number; unitId: string }) {
  const { t } = useTranslation();
  const cycles = useQuery(yearCyclesQuery(year));
  // A unit sees the blocs it was ever a member of; this year's page is for those it is a member of now.
  const memberOf = (item: YearCycle) => !!item.year?.memberUnitIds.includes(unitId);
  return (
    <QueryState
      query={cycles}
      loading={t("home.loading")}
      empty={({ items }) => !items.some((item) => memberOf(item)) && t("home.noBlocsUnit", { year })}
    >
      {({ items }) => (
        <div className="home-cards">
          {items.filter(memberOf).map((item) => (
            <UnitYearCard key={item.bloc.blocId} bloc={item.bloc} blocYear={item.year} unitId={unitId} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
