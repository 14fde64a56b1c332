import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type Bloc, type BlocYear, blocQuery, blocYearQuery } from "../api/blocs.ts";
import { cycleQuery } from "../api/cycle.ts";
import { unitsQuery } from "../api/units.ts";
import { OpenYearForm } from "../components/blocs/OpenYearForm.tsx";
import { PhaseStepper } from "../components/cycle/PhaseStepper.tsx";
import { YearScopeProvider, yearScopeOf } from "../components/cycle/YearContext.tsx";
import { YearOverview } from "../components/cycle/YearOverview.tsx";
import { YearTabs } from "../components/cycle/YearTabs.tsx";
import { NotFound } from "../components/NotFound.tsx";
import { allOf, QueryState } from "../components/QueryState.tsx";
import { blocPath } from "../navigation.ts";
import { useActor } from "../session/session.tsx";

/** The year of a bloc: where it stands and, for each role, what to do in it. */
export function YearPage() {
  const { t } = useTranslation();
  const params = useParams();
  const blocId = params.blocId ?? "";
  const year = Number(params.year);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const bloc = useQuery({ ...blocQuery(blocId), enabled: valid });
  const blocYear = useQuery({ ...blocYearQuery(blocId, year), enabled: valid });
  if (!valid) return <NotFound />;
  return (
    <section className="page year-page">
      <p className="breadcrumb">
        <Link to={blocPath(blocId)}>← {bloc.data?.name ?? t("blocs.title")}</Link>
      </p>
      <QueryState query={allOf({ bloc, blocYear })} loading={t("cycle.loading")}>
        {(data) =>
          data.blocYear.status === "planning" ? (
            <NotLaunched bloc={data.bloc} blocYear={data.blocYear} />
          ) : (
            <LaunchedYear bloc={data.bloc} />
          )
        }
      </QueryState>
    </section>
  );
}

function Heading({ bloc, year }: { bloc: Bloc; year: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // Arriving on the page puts the keyboard (and screen readers) on its heading, unless a link asked for a section.
  useEffect(() => {
    if (!window.location.hash) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {t("cycle.heading", { bloc: bloc.name, year })}
    </h1>
  );
}

/** A year still being prepared: the board or the year's leader launches it; others are told it has not started. */
function NotLaunched({ bloc, blocYear }: { bloc: Bloc; blocYear: BlocYear }) {
  const { t } = useTranslation();
  const actor = useActor();
  const mayLaunch =
    actor.role === "board" || (actor.role === "unit" && !!actor.unitId && actor.unitId === blocYear.leaderUnitId);
  return (
    <>
      <Heading bloc={bloc} year={blocYear.year} />
      <p className="empty">{t("cycle.notLaunched", { year: blocYear.year })}</p>
      {mayLaunch && !bloc.archivedAt && (
        <div className="narrow">
          <OpenYearForm saved={blocYear} hasCriteria={bloc.criteriaVersion > 0} />
        </div>
      )}
    </>
  );
}

function LaunchedYear({ bloc }: { bloc: Bloc }) {
  const { t } = useTranslation();
  const actor = useActor();
  const { year: yearParam } = useParams();
  const year = Number(yearParam);
  const cycle = useQuery(cycleQuery(bloc.blocId, year));
  const units = useQuery(unitsQuery());
  return (
    <QueryState query={allOf({ cycle, units })} loading={t("cycle.loading")}>
      {({ cycle: view, units: all }) => {
        const viewer = {
          role: actor.role,
          leads: view.you.leads,
          ...(view.you.unitId ? { unitId: view.you.unitId } : {}),
        };
        return (
          <YearScopeProvider value={yearScopeOf(bloc.blocId, year, view, viewer, all)}>
            <div className="page-heading">
              <div>
                <Heading bloc={bloc} year={year} />
                <p className="lead">
                  {t(`members.status.${view.year.status}`)}
                  {view.you.leads && actor.role === "unit" && ` · ${t("cycle.youLead")}`}
                </p>
              </div>
            </div>
            <PhaseStepper phase={view.phase} />
            <YearOverview />
            <YearTabs />
          </YearScopeProvider>
        );
      }}
    </QueryState>
  );
}
