import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ballotsQuery } from "../api/ballots.ts";
import { blocQuery } from "../api/blocs.ts";
import { cycleQuery } from "../api/cycle.ts";
import { unitsQuery } from "../api/units.ts";
import { VoteFlow } from "../components/ballots/VoteFlow.tsx";
import { refreshEvery } from "../components/ballots/voteFlow.ts";
import { YearScopeProvider, yearScopeOf } from "../components/cycle/YearContext.tsx";
import { NotFound } from "../components/NotFound.tsx";
import { allOf, QueryState } from "../components/QueryState.tsx";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { yearPath } from "../navigation.ts";
import { useActor } from "../session/session.tsx";
import "../ballots.css";

/**
 * A member's vote on a phone: one question per screen for each open ballot it has not voted in, a
 * confirmation, then the next. Read again every few seconds, so a ballot the leader opens shows up.
 */
export function VotePage() {
  const { t } = useTranslation();
  const params = useParams();
  const blocId = params.blocId ?? "";
  const year = Number(params.year);
  const valid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  usePageTitle(t("ballots.vote.pageTitle"));
  const actor = useActor();
  const bloc = useQuery({ ...blocQuery(blocId), enabled: valid });
  const cycle = useQuery({ ...cycleQuery(blocId, year), enabled: valid });
  const units = useQuery({ ...unitsQuery(), enabled: valid });
  const ballots = useQuery({
    ...ballotsQuery(blocId, year),
    enabled: valid,
    refetchInterval: (query) => refreshEvery(query.state.data, true),
  });
  if (!valid) return <NotFound heading="h1" />;
  return (
    <section className="page vote-page">
      <p className="breadcrumb">
        <Link to={`${yearPath(blocId, year)}?tab=conference`}>← {t("ballots.vote.back", { year })}</Link>
      </p>
      <QueryState query={allOf({ bloc, cycle, units, ballots })} loading={t("ballots.vote.loading")}>
        {(data) => {
          const view = data.cycle;
          const viewer = {
            role: actor.role,
            leads: view.you.leads,
            ...(view.you.unitId ? { unitId: view.you.unitId } : {}),
          };
          const unitId = view.you.unitId;
          const member = unitId !== undefined && view.year.memberUnitIds.includes(unitId);
          const scope = yearScopeOf(blocId, year, view, viewer, data.units);
          return (
            <YearScopeProvider value={scope}>
              <p className="vote-context">
                {data.bloc.name}
                {member && ` · ${scope.name(unitId)}`}
              </p>
              {member ? (
                <VoteFlow ballots={data.ballots} unitId={unitId} onRefetch={() => void ballots.refetch()} />
              ) : (
                <div className="vote-screen">
                  <h1>{t("ballots.vote.notMember.title")}</h1>
                  <p>{t("ballots.vote.notMember.text")}</p>
                </div>
              )}
            </YearScopeProvider>
          );
        }}
      </QueryState>
    </section>
  );
}
