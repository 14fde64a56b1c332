import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ballot } from "../../api/ballots.ts";
import { yearPath } from "../../navigation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { useBallotTitle } from "./ballotTitle.ts";
import { VoteQuestion } from "./VoteQuestion.tsx";
import { voteQueue } from "./voteFlow.ts";

/**
 * The member's way through the open ballots: the first one it has not voted in, then the next; what
 * happened to a question that went away on its own (closed, or voted by another officer) is said.
 */
export function VoteFlow({ ballots, unitId, onRefetch }: { ballots: Ballot[]; unitId: string; onRefetch: () => void }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const title = useBallotTitle(year);
  const queue = voteQueue(ballots, unitId);
  const current = queue.current;
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // The question on screen, and the one this page just voted in: any other change came from elsewhere.
  const shown = useRef<string | undefined>(undefined);
  const sent = useRef<string | undefined>(undefined);
  useEffect(() => {
    const before = shown.current;
    shown.current = current?.ballot.ballotId;
    if (!before || before === current?.ballot.ballotId || before === sent.current) return;
    const gone = ballots.find((b) => b.ballotId === before);
    if (!gone) return;
    const key = gone.status === "closed" ? "ballots.vote.closedMeanwhile" : "ballots.vote.votedMeanwhile";
    setNotice({ kind: "info", key, values: { title: title(gone) } });
  }, [current?.ballot.ballotId, ballots, title]);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const empty = !current;
  // Arriving on "nothing to vote" moves the keyboard there too (questions focus their own heading).
  useEffect(() => {
    if (empty) headingRef.current?.focus({ preventScroll: true });
  }, [empty]);

  return (
    <>
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {current ? (
        <VoteQuestion
          key={current.ballot.ballotId}
          ballot={current.ballot}
          unitId={unitId}
          position={current.position}
          total={queue.open.length}
          onVoted={(ballot) => {
            sent.current = ballot.ballotId;
            setNotice({ kind: "success", key: "ballots.vote.recorded", values: { title: title(ballot) } });
          }}
          onGone={(ballot, key) => {
            sent.current = ballot.ballotId;
            setNotice({ kind: "info", key, values: { title: title(ballot) } });
            onRefetch();
          }}
        />
      ) : (
        <div className="vote-screen vote-done">
          <h1 ref={headingRef} tabIndex={-1}>
            {queue.open.length > 0 ? t("ballots.vote.allDone") : t("ballots.vote.noneOpen")}
          </h1>
          {queue.voted.length > 0 && (
            <ul className="vote-voted">
              {queue.voted.map((b) => (
                <li key={b.ballotId}>
                  <span className="tick" aria-hidden="true">
                    ✓
                  </span>{" "}
                  {title(b)}
                  <span className="visually-hidden">: {t("ballots.vote.hasVoted")}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t("ballots.vote.waiting")}</p>
          <Link className="button-secondary vote-wide" to={`${yearPath(blocId, year)}?tab=conference`}>
            {t("ballots.vote.results")}
          </Link>
        </div>
      )}
    </>
  );
}
