import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Ballot, closeBallot, showBallot } from "../../api/ballots.ts";
import { isApiError } from "../../api/client.ts";
import { limitOf, useErrorMessage } from "../../i18n/errors.ts";
import { Confirmation } from "../Confirmation.tsx";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";

/**
 * The leader ends the vote and counts it, after a confirmation (members who have not voted cannot any
 * more). Below quorum the API keeps the ballot open: the refusal says how many must be present.
 */
export function CloseBallot({
  ballot,
  members,
  blocked,
  onBelowQuorum,
}: {
  ballot: Ballot;
  members: number;
  /** Presence ticked but not saved: the count would not see it. */
  blocked: boolean;
  onBelowQuorum: (needed: number) => void;
}) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () => closeBallot(blocId, year, ballot.ballotId, ballot.version),
    onSuccess: (closed) => showBallot(queryClient, blocId, year, closed),
    onError: (error) => {
      const needed = limitOf(error, "present");
      if (isApiError(error, "ballot.below_quorum") && needed !== undefined) onBelowQuorum(needed);
      refresh(error);
    },
    onSettled: () => setConfirming(false),
  });
  const belowQuorum = isApiError(close.error, "ballot.below_quorum");
  const needed = limitOf(close.error, "present");
  const hintId = `close-${ballot.ballotId}-hint`;
  return (
    <div className="close-ballot">
      {belowQuorum ? (
        <div role="alert" className="alert alert-warning">
          <span>
            {t("ballots.close.belowQuorum", {
              needed: needed ?? "?",
              members,
              present: ballot.present.length,
            })}
          </span>
        </div>
      ) : (
        close.isError && <ErrorAlert message={describe(close.error)} />
      )}
      {blocked && (
        <p id={hintId} className="hint">
          {t("ballots.close.saveFirst")}
        </p>
      )}
      {!confirming ? (
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={blocked || close.isPending}
            aria-describedby={blocked ? hintId : undefined}
            onClick={() => setConfirming(true)}
          >
            {t("ballots.close.button")}
          </button>
        </div>
      ) : (
        <Confirmation
          id={`close-${ballot.ballotId}-text`}
          message={t("ballots.close.confirm", { voted: ballot.voted.length, members })}
          label={t("ballots.close.confirmButton")}
          pendingLabel={t("ballots.close.closing")}
          pending={close.isPending}
          onConfirm={() => close.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
