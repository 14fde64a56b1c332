import { useTranslation } from "react-i18next";
import { type Ballot, type MinutesRound, minutesOf } from "../../api/ballots.ts";
import { Signature } from "../cycle/Signature.tsx";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { useBallotTitle } from "./ballotTitle.ts";
import { needsRunoff } from "./rounds.ts";

/** The count of every closed round: votes per candidate, who is elected, who goes to another round. */
export function BallotResults({
  ballots,
  onRunoff,
}: {
  ballots: readonly Ballot[];
  onRunoff?: ((b: Ballot) => void) | undefined;
}) {
  const { t } = useTranslation();
  const rounds = minutesOf(ballots);
  if (rounds.length === 0) return null;
  return (
    <section className="card ballot-results" aria-labelledby="results-title">
      <h2 id="results-title">{t("ballots.results.title")}</h2>
      {rounds.map((round) => {
        const ballot = ballots.find((b) => b.ballotId === round.ballotId);
        return (
          <RoundResult
            key={round.ballotId}
            round={round}
            onRunoff={ballot && onRunoff && needsRunoff(ballots, ballot) ? () => onRunoff(ballot) : undefined}
          />
        );
      })}
    </section>
  );
}

function RoundResult({ round, onRunoff }: { round: MinutesRound; onRunoff?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const { year, view, name } = useYearScope();
  const title = useBallotTitle(year);
  const members = view.year.memberUnitIds.length;
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN", { style: "percent" });
  const share = (votes: number) => (round.present.length > 0 ? percent.format(votes / round.present.length) : "—");
  const outcome = (unitId: string) =>
    round.elected.includes(unitId) ? (
      <span className="badge badge-open">{t("ballots.results.elected")}</span>
    ) : round.runoff.includes(unitId) ? (
      <span className="badge badge-warning">{t("ballots.results.toRound", { round: round.round + 1 })}</span>
    ) : null;
  const titleId = `result-${round.ballotId}`;
  return (
    <article className="round-result" aria-labelledby={titleId}>
      <h3 id={titleId}>{title(round)}</h3>
      <p className="round-outcome">
        <Outcome round={round} />
      </p>
      <DataTable<MinutesRound["votes"][number]>
        caption={t("ballots.results.caption", { title: title(round) })}
        className="result-table"
        rows={round.votes}
        rowKey={(v) => v.unitId}
        columns={[
          { key: "unit", header: t("ballots.results.candidate"), cell: (v) => name(v.unitId) },
          { key: "votes", header: t("ballots.results.votes"), kind: "num", cell: (v) => v.votes },
          { key: "share", header: t("ballots.results.share"), kind: "num", cell: (v) => share(v.votes) },
          { key: "outcome", header: t("ballots.results.outcome"), cell: (v) => outcome(v.unitId) },
        ]}
      />
      <p className="hint">
        {t("ballots.results.figures", {
          present: round.present.length,
          members,
          returned: round.returned,
          blank: round.blank,
          needed: round.needed,
        })}
      </p>
      {round.closed && <Signature signed={round.closed} label={t("ballots.results.closedBy")} />}
      {onRunoff && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={onRunoff}>
            {t("ballots.results.openRunoff", { round: round.round + 1 })}
          </button>
        </div>
      )}
    </article>
  );
}

/** The result in one sentence: who is elected, and the next round if seats are left. */
export function Outcome({ round }: { round: MinutesRound }) {
  const { t } = useTranslation();
  const { name } = useYearScope();
  const list = (ids: readonly string[]) => ids.map(name).join(", ");
  if (!round.quorumMet) return <>{t("ballots.results.noQuorum")}</>;
  const elected =
    round.elected.length > 0
      ? t("ballots.results.electedList", { names: list(round.elected) })
      : t("ballots.results.noneYet");
  const open = round.seats - round.elected.length;
  const rest =
    open === 0
      ? ""
      : round.runoff.length > 0
        ? t("ballots.results.runoff", { count: open, round: round.round + 1, names: list(round.runoff) })
        : t("ballots.results.noneElected", { count: open });
  return <>{[elected, rest].filter(Boolean).join(" ")}</>;
}
