import { useTranslation } from "react-i18next";
import type { Proposal, ProposalStatus } from "../../api/proposals.ts";
import { dateFormat } from "../../i18n/dates.ts";
import "../../proposals.css";

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-proposal-${status}`}>{t(`proposals.status.${status}`)}</span>;
}

/** An ISO day or instant as officials write it (15/01/2024). */
export function useDay(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = dateFormat(i18n.language);
  // A bare day (2024-01-15) is read as local midnight, not UTC, so it never shows as the day before.
  return (iso) => format.format(new Date(iso.length === 10 ? `${iso}T00:00:00` : iso));
}

/** The status and what the board decided: the decision's number, date and signer, or the reason of a return or rejection. */
export function ProposalDecision({ proposal }: { proposal: Pick<Proposal, "status" | "decision"> }) {
  const { t } = useTranslation();
  const day = useDay();
  // A withdrawal after a return keeps the record of that return; the withdrawal is what stands.
  const decision = proposal.status === "withdrawn" ? undefined : proposal.decision;
  return (
    <div className="proposal-decision">
      <ProposalStatusBadge status={proposal.status} />
      {decision?.outcome === "approve" && (
        <>
          <span className="cell-sub">
            {t("proposals.decision.approved", {
              number: decision.decisionNumber ?? "—",
              date: decision.decisionDate ? day(decision.decisionDate) : "—",
            })}
          </span>
          {decision.signer && (
            <span className="cell-sub muted">{t("proposals.decision.signer", { signer: decision.signer })}</span>
          )}
        </>
      )}
      {decision && decision.outcome !== "approve" && decision.reason && (
        <span className="cell-sub pre-line">
          {t(decision.outcome === "return" ? "proposals.decision.returned" : "proposals.decision.rejected", {
            reason: decision.reason,
          })}
        </span>
      )}
    </div>
  );
}

/** Who proposed it and when: "Nguyễn Văn A, 15/01/2024". */
export function Signed({ signed }: { signed: { byName: string; at: string } }) {
  const { t } = useTranslation();
  const day = useDay();
  return <>{t("proposals.signed", { name: signed.byName, date: day(signed.at) })}</>;
}
