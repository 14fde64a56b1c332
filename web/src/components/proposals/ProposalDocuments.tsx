import { holdingStatuses } from "@thidua/core/proposal/rules";
import type { Proposal } from "../../api/proposals.ts";
import { DownloadDocument } from "../documents/DownloadDocument.tsx";

/**
 * The bloc's papers for its proposals: the memo and its list once a proposal stands (made, returned or
 * approved), the award decision once the board has approved one.
 */
export function ProposalDocuments({ proposals }: { proposals: readonly Proposal[] }) {
  if (!proposals.some((p) => holdingStatuses.includes(p.status))) return null;
  return (
    <div className="button-row document-row">
      <DownloadDocument kind="proposal" />
      <DownloadDocument kind="proposalList" />
      {proposals.some((p) => p.status === "approved") && <DownloadDocument kind="decision" />}
    </div>
  );
}
