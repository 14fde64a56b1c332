import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ParseKeys } from "i18next";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Ballot, castVote, showBallot } from "../../api/ballots.ts";
import { isApiError } from "../../api/client.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { useBallotTitle } from "./ballotTitle.ts";
import { inBallotOrder, toggleChoice } from "./voteFlow.ts";

interface Props {
  ballot: Ballot;
  unitId: string;
  /** "Câu 1/3": the place of this ballot among the open ones. */
  position: number;
  total: number;
  onVoted: (ballot: Ballot) => void;
  /** The ballot can no longer take this member's vote (closed, or voted by another officer). */
  onGone: (ballot: Ballot, key: ParseKeys) => void;
}

/**
 * One question on one screen: the candidates as large targets (a radio for one seat, boxes up to the
 * seats), then a confirmation of the choices (a blank vote said so plainly) before the paper is sent.
 */
export function VoteQuestion({ ballot, unitId, position, total, onVoted, onGone }: Props) {
  const { t } = useTranslation();
  const { blocId, year, name } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const title = useBallotTitle(year);
  const [choices, setChoices] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hintId = useId();
  const countId = useId();
  // Each screen (a new question, its confirmation, back) puts the keyboard and screen readers on its heading.
  useEffect(() => {
    // Read so the effect runs on each step: the heading it focuses is a new element.
    void confirming;
    headingRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [confirming]);

  const cast = useMutation({
    mutationFn: () => castVote(blocId, year, ballot.ballotId, { unitId, choices: inBallotOrder(ballot, choices) }),
    onSuccess: (saved) => {
      onVoted(saved);
      showBallot(queryClient, blocId, year, saved);
    },
    onError: (error) => {
      if (isApiError(error, "ballot.already_voted")) onGone(ballot, "ballots.vote.alreadyVoted");
      else if (isApiError(error, "ballot.closed") || isApiError(error, "ballot.not_found"))
        onGone(ballot, "ballots.vote.closedMeanwhile");
    },
  });

  const single = ballot.seats <= 1;
  const progress = (
    <div className="vote-progress">
      <span>{t("ballots.vote.progress", { position, total })}</span>
      <progress max={total} value={position - 1} aria-hidden="true" />
    </div>
  );

  if (confirming) {
    const chosen = inBallotOrder(ballot, choices);
    return (
      <div className="vote-screen">
        {progress}
        <h1 ref={headingRef} tabIndex={-1}>
          {t("ballots.vote.confirmTitle")}
        </h1>
        <p className="vote-question-small">{title(ballot)}</p>
        {chosen.length > 0 ? (
          <>
            <p>{t("ballots.vote.yourChoices", { count: chosen.length })}</p>
            <ol className="vote-chosen">
              {chosen.map((id) => (
                <li key={id}>{name(id)}</li>
              ))}
            </ol>
          </>
        ) : (
          <p className="alert alert-warning">{t("ballots.vote.blankWarning")}</p>
        )}
        {ballot.secret && <p className="alert alert-info">{t("ballots.vote.secretNotice")}</p>}
        <p className="hint">{t("ballots.vote.final")}</p>
        {cast.isError && <ErrorAlert message={describe(cast.error)} />}
        <div className="vote-actions">
          <button
            type="button"
            className="button-primary vote-wide"
            disabled={cast.isPending}
            aria-busy={cast.isPending}
            onClick={() => cast.mutate()}
          >
            {cast.isPending
              ? t("ballots.vote.sending")
              : t(chosen.length > 0 ? "ballots.vote.send" : "ballots.vote.sendBlank")}
          </button>
          <button
            type="button"
            className="button-secondary vote-wide"
            disabled={cast.isPending}
            onClick={() => {
              cast.reset();
              setConfirming(false);
            }}
          >
            {t("ballots.vote.change")}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="vote-screen">
      {progress}
      <h1 ref={headingRef} tabIndex={-1}>
        {title(ballot)}
      </h1>
      <p id={hintId} className="vote-rule">
        {single ? t("ballots.vote.pickOne") : t("ballots.vote.pickUpTo", { count: ballot.seats })}
        {ballot.secret && ` · ${t("ballots.secret")}`}
      </p>
      <fieldset className="vote-options" aria-describedby={hintId}>
        <legend className="visually-hidden">{title(ballot)}</legend>
        {ballot.candidates.map((id) => {
          const checked = choices.includes(id);
          const full = !single && !checked && choices.length >= ballot.seats;
          return (
            <label
              key={id}
              className={checked ? "vote-option is-checked" : full ? "vote-option is-full" : "vote-option"}
            >
              <input
                type={single ? "radio" : "checkbox"}
                name={`vote-${ballot.ballotId}`}
                value={id}
                checked={checked}
                aria-disabled={full || undefined}
                onChange={() => setChoices((list) => toggleChoice(list, id, ballot.seats))}
              />
              <span>{name(id)}</span>
            </label>
          );
        })}
      </fieldset>
      {!single && (
        <p id={countId} className="vote-count" aria-live="polite">
          {t("ballots.vote.chosen", { count: choices.length, seats: ballot.seats })}
        </p>
      )}
      <div className="vote-actions">
        <button
          type="button"
          className="button-primary vote-wide"
          disabled={choices.length === 0}
          onClick={() => setConfirming(true)}
        >
          {t("ballots.vote.next")}
        </button>
        <button
          type="button"
          className="button-secondary vote-wide"
          onClick={() => {
            setChoices([]);
            setConfirming(true);
          }}
        >
          {t("ballots.vote.blank")}
        </button>
      </div>
    </div>
  );
}
