import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Ballot, ballotsQuery } from "../../api/ballots.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { QueryState } from "../QueryState.tsx";
import { BallotResults } from "./BallotResults.tsx";
import { HandoverCard } from "./HandoverCard.tsx";
import { LiveBallot } from "./LiveBallot.tsx";
import { MinutesSection } from "./MinutesSection.tsx";
import { type Draft, OpenBallotDialog } from "./OpenBallotDialog.tsx";
import { sortBallots } from "./rounds.ts";
import { VoteCall } from "./VoteCall.tsx";
import { refreshEvery } from "./voteFlow.ts";
import "../../ballots.css";

/**
 * Hội nghị tổng kết, bình xét: the leader opens ballots, records who is present and closes them; members
 * are sent to the voting page; everyone follows turnout live and reads the results and the minutes.
 */
export function ConferenceTab() {
  const { t } = useTranslation();
  const { blocId, year, view, viewer } = useYearScope();
  // Read again every few seconds while a ballot is open (react-query pauses while the browser tab is hidden).
  const ballots = useQuery({
    ...ballotsQuery(blocId, year),
    refetchInterval: (query) => refreshEvery(query.state.data, false),
  });
  const [draft, setDraft] = useState<Draft | null>(null);
  const mayOpen = viewer.leads && view.phase === "ranked";
  return (
    <QueryState query={ballots} loading={t("ballots.loading")}>
      {(list) => {
        const sorted = sortBallots(list);
        const open = sorted.filter((b) => b.status === "open");
        return (
          <div className="stack conference">
            <section className="card conference-head" aria-labelledby="conference-title">
              <div>
                <h2 id="conference-title">{t("ballots.conference.title", { year })}</h2>
                <p className="hint">{t("ballots.conference.intro")}</p>
              </div>
              {mayOpen && (
                <button type="button" className="button-primary" onClick={() => setDraft({ kind: "leading_unit" })}>
                  {t("ballots.open.button")}
                </button>
              )}
            </section>
            {view.you.unitId && view.year.memberUnitIds.includes(view.you.unitId) && (
              <VoteCall ballots={open} unitId={view.you.unitId} />
            )}
            {list.length === 0 && <p className="empty">{t(mayOpen ? "ballots.none.leader" : "ballots.none.other")}</p>}
            {open.map((ballot) => (
              <LiveBallot key={ballot.ballotId} ballot={ballot} ballots={list} />
            ))}
            <BallotResults ballots={sorted} onRunoff={mayOpen ? (b: Ballot) => setDraft(draftOf(b)) : undefined} />
            <HandoverCard ballots={list} />
            <MinutesSection ballots={list} />
            {draft && <OpenBallotDialog draft={draft} ballots={list} onClose={() => setDraft(null)} />}
          </div>
        );
      }}
    </QueryState>
  );
}

/** The next round of a ballot: same kind and award type (its candidates come from the runoff). */
const draftOf = (b: Ballot): Draft => ({ kind: b.kind, ...(b.awardTypeId ? { awardTypeId: b.awardTypeId } : {}) });
