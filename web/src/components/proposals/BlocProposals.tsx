import { useTranslation } from "react-i18next";
import { type Proposal, type ProposalStatus, proposalId } from "../../api/proposals.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { ProposalDecision, Signed } from "./ProposalStatus.tsx";
import { useAwardNames } from "./useAwardNames.ts";
import { WithdrawButton } from "./WithdrawButton.tsx";

/** Holding a slot first (approved, waiting, returned), then what ended without an award. */
const statusOrder: Record<ProposalStatus, number> = {
  approved: 0,
  proposed: 1,
  returned: 2,
  rejected: 3,
  withdrawn: 4,
};

/**
 * The bloc's proposals grouped by award type (the province's order), each with its status and the board's
 * decision; those who lead withdraw one not decided yet, and revise and resubmit a returned one.
 */
export function BlocProposals({
  proposals,
  mayResubmit,
  onResubmit,
  onWithdrawn,
}: {
  proposals: readonly Proposal[];
  mayResubmit: boolean;
  onResubmit: (proposal: Proposal) => void;
  onWithdrawn: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const { year, viewer, name, sorted } = useYearScope();
  const awards = useAwardNames();
  if (proposals.length === 0) return <p className="empty">{t("proposals.list.empty", { year })}</p>;
  const groups = [...new Set(proposals.map((p) => p.awardTypeId))].sort(awards.compare);
  return (
    <div className="proposal-groups">
      {groups.map((awardTypeId) => {
        const ofType = proposals.filter((p) => p.awardTypeId === awardTypeId);
        const order = sorted(ofType.map((p) => p.unitId));
        const rows = [...ofType].sort(
          (a, b) => statusOrder[a.status] - statusOrder[b.status] || order.indexOf(a.unitId) - order.indexOf(b.unitId),
        );
        const award = awards.name(awardTypeId);
        return (
          <section key={awardTypeId} className="proposal-group" aria-labelledby={`group-${awardTypeId}`}>
            <h3 id={`group-${awardTypeId}`}>
              {award} <span className="muted">· {t("proposals.list.count", { count: ofType.length })}</span>
            </h3>
            <DataTable<Proposal>
              caption={t("proposals.list.caption", { award })}
              className="proposal-table"
              rows={rows}
              rowKey={proposalId}
              rowProps={(p) => ({
                ...(p.unitId === viewer.unitId ? { "aria-current": "true" as const } : {}),
                ...(p.status === "withdrawn" || p.status === "rejected" ? { className: "inactive" } : {}),
              })}
              columns={[
                {
                  key: "unit",
                  header: t("proposals.list.unit"),
                  cell: (p) => (
                    <>
                      {name(p.unitId)}
                      {p.ballotId && <span className="cell-sub muted">{t("proposals.list.ballot")}</span>}
                    </>
                  ),
                },
                { key: "status", header: t("proposals.list.status"), cell: (p) => <ProposalDecision proposal={p} /> },
                {
                  key: "note",
                  header: t("proposals.list.note"),
                  cell: (p) => (
                    <>
                      {p.note ? (
                        <span className="pre-line proposal-note">{p.note}</span>
                      ) : (
                        <span className="muted">{t("proposals.list.noNote")}</span>
                      )}
                      <span className="cell-sub muted">
                        <Signed signed={p.proposed} />
                      </span>
                    </>
                  ),
                },
                ...(viewer.leads
                  ? [
                      {
                        key: "actions",
                        kind: "actions" as const,
                        header: <span className="visually-hidden">{t("proposals.list.actions")}</span>,
                        cell: (p: Proposal) => (
                          <div className="proposal-actions">
                            {p.status === "returned" && mayResubmit && (
                              <button
                                type="button"
                                className="button-primary button-small"
                                aria-label={t("proposals.resubmit.label", { award, unit: name(p.unitId) })}
                                onClick={() => onResubmit(p)}
                              >
                                {t("proposals.resubmit.button")}
                              </button>
                            )}
                            {(p.status === "proposed" || p.status === "returned") && (
                              <WithdrawButton proposal={p} award={award} onWithdrawn={onWithdrawn} />
                            )}
                          </div>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </section>
        );
      })}
    </div>
  );
}
