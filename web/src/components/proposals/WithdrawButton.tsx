import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Proposal, showProposal, withdrawProposal } from "../../api/proposals.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ConfirmButtons } from "../Confirmation.tsx";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";

/** Withdraws a proposal the board has not decided, after a confirmation: its slot goes back to the bloc. */
export function WithdrawButton({
  proposal,
  award,
  onWithdrawn,
}: {
  proposal: Proposal;
  award: string;
  onWithdrawn: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const { blocId, year, name } = useYearScope();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const refresh = useRefreshOnConflict(blocId, year);
  const [confirming, setConfirming] = useState(false);
  const unit = name(proposal.unitId);
  const withdraw = useMutation({
    mutationFn: () => withdrawProposal(proposal, proposal.version),
    onSuccess: (saved) => {
      showProposal(queryClient, saved);
      setConfirming(false);
      onWithdrawn(saved);
    },
    onError: refresh,
  });
  return (
    <>
      <button
        type="button"
        className="button-secondary button-small"
        aria-label={t("proposals.withdraw.label", { award, unit })}
        onClick={() => {
          withdraw.reset();
          setConfirming(true);
        }}
      >
        {t("proposals.withdraw.button")}
      </button>
      {confirming && (
        <Dialog title={t("proposals.withdraw.button")} onClose={() => setConfirming(false)}>
          <div className="form">
            <p>{t("proposals.withdraw.confirm", { award, unit })}</p>
            {withdraw.isError && <ErrorAlert message={describe(withdraw.error)} />}
            <ConfirmButtons
              danger
              label={t("proposals.withdraw.confirmButton")}
              pendingLabel={t("proposals.withdraw.pending")}
              pending={withdraw.isPending}
              onConfirm={() => withdraw.mutate()}
              onCancel={() => setConfirming(false)}
            />
          </div>
        </Dialog>
      )}
    </>
  );
}
