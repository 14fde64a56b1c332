import { useQuery } from "@tanstack/react-query";
import { compareVietnamese } from "@thidua/core/text";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Bloc, type BlocYear, blocYearQuery } from "../../api/blocs.ts";
import { type Unit, unitsQuery } from "../../api/units.ts";
import { yearPath } from "../../navigation.ts";
import { allOf, QueryState } from "../QueryState.tsx";
import { useYear, YearSelect } from "../YearSelect.tsx";
import { MemberPicker } from "./MemberPicker.tsx";
import { OpenYearForm } from "./OpenYearForm.tsx";
import { RolloverCard } from "./RolloverCard.tsx";
import { SeatsForm } from "./SeatsForm.tsx";

/** Members and seats of the selected year; the board edits them until the year is closed. */
export function MembersTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const [year, setYear] = useYear();
  const blocYear = useQuery(blocYearQuery(bloc.blocId, year));
  const units = useQuery(unitsQuery());

  const toolbar = (
    <div className="toolbar">
      <YearSelect id="members-year" year={year} onChange={setYear} />
      {blocYear.data && <YearStatus blocYear={blocYear.data} />}
      {/* The year's own page: launch (the leader too), progress, scores and ranking. */}
      <Link to={yearPath(bloc.blocId, year)} className="year-page-link">
        {t("cycle.openYearPage", { year })} →
      </Link>
    </div>
  );
  return (
    <>
      {toolbar}
      <QueryState query={allOf({ blocYear, units })} loading={t("members.loading")}>
        {({ blocYear: saved, units: all }) => {
          const byId = new Map(all.map((unit) => [unit.unitId, unit]));
          if (!canWrite || saved.status === "closed") return <MemberList blocYear={saved} unitsById={byId} />;
          return (
            <div className="members-layout">
              <MemberPicker key={`${bloc.blocId}-${year}`} blocId={bloc.blocId} saved={saved} units={all} />
              {/* New members, new choices: the seats form starts again from what was saved. */}
              <div className="stack">
                {saved.version === 0 && <RolloverCard blocId={bloc.blocId} year={year} unitsById={byId} />}
                <SeatsForm key={`${year}-${saved.memberUnitIds.join()}`} saved={saved} unitsById={byId} />
                {saved.status === "planning" && <OpenYearForm saved={saved} hasCriteria={bloc.criteriaVersion > 0} />}
              </div>
            </div>
          );
        }}
      </QueryState>
    </>
  );
}

function YearStatus({ blocYear }: { blocYear: BlocYear }) {
  const { t } = useTranslation();
  return (
    <p className="year-status">
      <span className={`badge badge-${blocYear.status}`}>{t(`members.status.${blocYear.status}`)}</span>
      {blocYear.theme && <span>{t("members.themeShown", { theme: blocYear.theme })}</span>}
      {blocYear.criteriaVersion !== undefined && (
        <span className="muted">{t("criteria.versionN", { version: blocYear.criteriaVersion })}</span>
      )}
    </p>
  );
}

/** The year's members with their seats, for those who may only read. */
function MemberList({ blocYear, unitsById }: { blocYear: BlocYear; unitsById: Map<string, Unit> }) {
  const { t } = useTranslation();
  if (blocYear.memberUnitIds.length === 0)
    return <p className="empty">{t("members.noneYet", { year: blocYear.year })}</p>;
  const name = (id: string) => unitsById.get(id)?.name ?? id;
  const members = [...blocYear.memberUnitIds].sort((a, b) => compareVietnamese(name(a), name(b)));
  return (
    <section className="card" aria-labelledby="member-list-title">
      <h2 id="member-list-title">{t("members.listTitle", { year: blocYear.year, count: members.length })}</h2>
      <ul className="member-list">
        {members.map((id) => (
          <li key={id}>
            <span>{name(id)}</span>
            {id === blocYear.leaderUnitId && <span className="badge badge-leader">{t("seats.leader")}</span>}
            {blocYear.deputyUnitIds.includes(id) && <span className="badge badge-deputy">{t("seats.deputy")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
