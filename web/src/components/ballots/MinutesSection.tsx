import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type Ballot, type MinutesRound, minutesOf } from "../../api/ballots.ts";
import { blocQuery } from "../../api/blocs.ts";
import { dateFormat, dateTimeFormat } from "../../i18n/dates.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DownloadDocument } from "../documents/DownloadDocument.tsx";
import { Outcome } from "./BallotResults.tsx";
import { useBallotTitle } from "./ballotTitle.ts";

/**
 * Biên bản kiểm phiếu, built from the closed ballots alone (`minutesOf`): shown as a document and printed
 * on its own (ballots.css hides the dashboard around it). The Word file comes from the documents module.
 */
export function MinutesSection({ ballots }: { ballots: readonly Ballot[] }) {
  const { t, i18n } = useTranslation();
  const { blocId, year, view, name, sorted } = useYearScope();
  const bloc = useQuery(blocQuery(blocId)).data;
  const title = useBallotTitle(year);
  const rounds = minutesOf(ballots);
  if (rounds.length === 0) return null;

  const members = view.year.memberUnitIds.length;
  const present = sorted([...new Set(rounds.flatMap((r) => r.present))]);
  const closings = rounds.flatMap((r) => (r.closed ? [r.closed] : []));
  const days = [...new Set(closings.map((c) => dateFormat(i18n.language).format(new Date(c.at))))];
  const counters = [...new Set(closings.map((c) => c.byName))];
  const blocName = bloc?.name ?? blocId;
  return (
    <section className="card minutes" aria-labelledby="minutes-title">
      <div className="minutes-toolbar">
        <h2 id="minutes-title">{t("ballots.minutes.title")}</h2>
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => window.print()}>
            {t("ballots.minutes.print")}
          </button>
          <DownloadDocument kind="minutes" />
        </div>
      </div>
      <p className="hint">{t("ballots.minutes.hint")}</p>
      <article className="minutes-doc" aria-label={t("ballots.minutes.docLabel")}>
        <div className="minutes-national">
          <p className="minutes-nation">{t("ballots.minutes.nation")}</p>
          <p className="minutes-motto">{t("ballots.minutes.motto")}</p>
        </div>
        <h3 className="minutes-heading">{t("ballots.minutes.heading")}</h3>
        <p className="minutes-sub">{t("ballots.minutes.subheading", { year, bloc: blocName })}</p>
        <dl className="minutes-facts">
          <Fact label={t("ballots.minutes.bloc")} value={blocName} />
          <Fact label={t("ballots.minutes.year")} value={String(year)} />
          <Fact label={t("ballots.minutes.date")} value={days.join(", ")} />
          <Fact label={t("ballots.minutes.counter")} value={counters.join(", ")} />
          <Fact label={t("ballots.minutes.members")} value={t("ballots.minutes.memberCount", { count: members })} />
          <Fact
            label={t("ballots.minutes.present")}
            value={`${t("ballots.minutes.presentCount", { present: present.length, members })}: ${present.map(name).join(", ")}`}
          />
        </dl>
        {rounds.map((round, i) => (
          <MinutesRoundView
            key={round.ballotId}
            number={i + 1}
            title={title(round)}
            round={round}
            members={members}
            sameAsAll={round.present.length === present.length}
          />
        ))}
        <div className="minutes-signatures">
          <div>
            <strong>{t("ballots.minutes.signCounter")}</strong>
            <em>{t("ballots.minutes.signHint")}</em>
          </div>
          <div>
            <strong>{t("ballots.minutes.signLeader")}</strong>
            <em>{t("ballots.minutes.signHint")}</em>
          </div>
        </div>
      </article>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}:</dt> <dd>{value}</dd>
    </div>
  );
}

interface RoundProps {
  number: number;
  title: string;
  round: MinutesRound;
  members: number;
  /** Present as at the conference as a whole: the names are not repeated. */
  sameAsAll: boolean;
}

function MinutesRoundView({ number, title, round, members, sameAsAll }: RoundProps) {
  const { t, i18n } = useTranslation();
  const { name, sorted } = useYearScope();
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN", {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const share = (votes: number) => (round.present.length > 0 ? percent.format(votes / round.present.length) : "—");
  return (
    <section className="minutes-round">
      <h4>{`${number}. ${title}`}</h4>
      <p>
        {t(round.secret ? "ballots.minutes.secret" : "ballots.minutes.public")}
        {"; "}
        {t("ballots.minutes.seats", { count: round.seats })}
        {"; "}
        {t("ballots.minutes.roundPresent", { present: round.present.length, members })}{" "}
        {t(round.quorumMet ? "ballots.minutes.quorumMet" : "ballots.minutes.quorumNotMet")}
        {!sameAsAll && round.present.length > 0 && `: ${sorted(round.present).map(name).join(", ")}`}.
      </p>
      <table className="minutes-table">
        <caption className="visually-hidden">{t("ballots.minutes.papersCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ballots.minutes.issued")}</th>
            <th scope="col">{t("ballots.minutes.returned")}</th>
            <th scope="col">{t("ballots.minutes.valid")}</th>
            <th scope="col">{t("ballots.minutes.invalid")}</th>
            <th scope="col">{t("ballots.minutes.blank")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{round.issued}</td>
            <td>{round.returned}</td>
            <td>{round.valid}</td>
            <td>{round.invalid}</td>
            <td>{round.blank}</td>
          </tr>
        </tbody>
      </table>
      <table className="minutes-table">
        <caption className="visually-hidden">{t("ballots.minutes.votesCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("ballots.minutes.number")}</th>
            <th scope="col">{t("ballots.results.candidate")}</th>
            <th scope="col">{t("ballots.results.votes")}</th>
            <th scope="col">{t("ballots.minutes.share")}</th>
          </tr>
        </thead>
        <tbody>
          {round.votes.map((v, i) => (
            <tr key={v.unitId}>
              <td>{i + 1}</td>
              <th scope="row">{name(v.unitId)}</th>
              <td>{v.votes}</td>
              <td>{share(v.votes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("ballots.minutes.needed", { count: round.needed, present: round.present.length })}</p>
      <p>
        <strong>{t("ballots.minutes.result")}</strong> <Outcome round={round} />
      </p>
      {round.closed && (
        <p className="minutes-closed">
          {t("ballots.minutes.closedAt", {
            when: dateTimeFormat(i18n.language).format(new Date(round.closed.at)),
            name: round.closed.byName,
          })}
        </p>
      )}
    </section>
  );
}
