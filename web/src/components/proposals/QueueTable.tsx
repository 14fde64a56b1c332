import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Proposal, proposalId } from "../../api/proposals.ts";
import { yearPath } from "../../navigation.ts";
import { DataTable } from "../DataTable.tsx";
import { ProposalDecision, Signed } from "./ProposalStatus.tsx";

/** A note longer than this opens on demand: the table stays readable. */
const SHORT_NOTE = 140;

export interface QueueNames {
  unit: (unitId: string) => string;
  bloc: (blocId: string) => string;
  award: (awardTypeId: string) => string;
}

/**
 * One page of the board's queue: pending rows carry a checkbox (for a bulk approval) and the three
 * decisions; each bloc links to its year's proposals.
 */
export function QueueTable({
  rows,
  year,
  names,
  selected,
  onSelect,
  onDecide,
}: {
  rows: readonly Proposal[];
  year: number;
  names: QueueNames;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
  onDecide: (proposal: Proposal, outcome: "approve" | "return" | "reject") => void;
}) {
  const { t } = useTranslation();
  const pending = rows.filter((p) => p.status === "proposed").map(proposalId);
  const allOn = pending.length > 0 && pending.every((id) => selected.has(id));
  const words = (p: Proposal) => ({ award: names.award(p.awardTypeId), unit: names.unit(p.unitId) });
  return (
    <DataTable<Proposal>
      caption={t("proposals.queue.caption", { year })}
      className="queue-table"
      rows={rows}
      rowKey={proposalId}
      rowProps={(p) => (selected.has(proposalId(p)) ? { className: "is-selected" } : {})}
      columns={[
        {
          key: "unit",
          header: (
            <span className="check">
              <input
                type="checkbox"
                aria-label={t("proposals.queue.selectPage")}
                checked={allOn}
                disabled={pending.length === 0}
                onChange={(e) => onSelect(pending, e.target.checked)}
              />
              {t("proposals.queue.unit")}
            </span>
          ),
          cell: (p) =>
            p.status === "proposed" ? (
              <span className="check">
                <input
                  type="checkbox"
                  aria-label={t("proposals.queue.select", words(p))}
                  checked={selected.has(proposalId(p))}
                  onChange={(e) => onSelect([proposalId(p)], e.target.checked)}
                />
                {names.unit(p.unitId)}
              </span>
            ) : (
              <span className="queue-unit">{names.unit(p.unitId)}</span>
            ),
        },
        {
          key: "bloc",
          header: t("proposals.queue.blocColumn"),
          cell: (p) => (
            <Link
              to={`${yearPath(p.blocId, p.year)}?tab=proposals`}
              aria-label={t("proposals.queue.openBloc", { bloc: names.bloc(p.blocId), year: p.year })}
            >
              {names.bloc(p.blocId)}
            </Link>
          ),
        },
        { key: "award", header: t("proposals.queue.awardColumn"), cell: (p) => names.award(p.awardTypeId) },
        {
          key: "proposed",
          header: t("proposals.queue.proposed"),
          cell: (p) => (
            <>
              <Note text={p.note} />
              <span className="cell-sub muted">
                <Signed signed={p.proposed} />
                {p.ballotId && ` · ${t("proposals.queue.ballot")}`}
              </span>
            </>
          ),
        },
        { key: "status", header: t("proposals.queue.statusColumn"), cell: (p) => <ProposalDecision proposal={p} /> },
        {
          key: "actions",
          kind: "actions",
          header: <span className="visually-hidden">{t("proposals.queue.actions")}</span>,
          cell: (p) =>
            p.status === "proposed" && (
              <div className="proposal-actions">
                <button
                  type="button"
                  className="button-primary button-small"
                  aria-label={t("proposals.queue.approveLabel", words(p))}
                  onClick={() => onDecide(p, "approve")}
                >
                  {t("proposals.queue.approve")}
                </button>
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-label={t("proposals.queue.returnLabel", words(p))}
                  onClick={() => onDecide(p, "return")}
                >
                  {t("proposals.queue.return")}
                </button>
                <button
                  type="button"
                  className="button-secondary button-small button-reject"
                  aria-label={t("proposals.queue.rejectLabel", words(p))}
                  onClick={() => onDecide(p, "reject")}
                >
                  {t("proposals.queue.reject")}
                </button>
              </div>
            ),
        },
      ]}
    />
  );
}

/** The bloc's note of achievements: whole when short, its start and "Xem đầy đủ" when long. */
function Note({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  if (!text) return null;
  if (text.length <= SHORT_NOTE) return <span className="pre-line proposal-note">{text}</span>;
  return (
    <details className="proposal-note">
      <summary>
        {text.slice(0, SHORT_NOTE).trimEnd()}… <span className="muted">{t("proposals.queue.more")}</span>
      </summary>
      <p className="pre-line">{text}</p>
    </details>
  );
}
