import { useQuery, useQueryClient } from "@tanstack/react-query";
import { compareVietnamese } from "@thidua/core/text";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { blocsQuery } from "../api/blocs.ts";
import { isApiError } from "../api/client.ts";
import { type Proposal, proposalId, proposalKeys, proposalQueueQuery } from "../api/proposals.ts";
import { unitsQuery } from "../api/units.ts";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { Pagination, pageOf } from "../components/Pagination.tsx";
import { ApproveDialog, type DecisionFields } from "../components/proposals/ApproveDialog.tsx";
import { QueueFilters } from "../components/proposals/QueueFilters.tsx";
import { QueueTable } from "../components/proposals/QueueTable.tsx";
import {
  defaultFilter,
  filterQueue,
  type QueueFilter,
  sortQueue,
  statusCounts,
} from "../components/proposals/queue.ts";
import { ReasonDecisionDialog } from "../components/proposals/ReasonDecisionDialog.tsx";
import { useAwardNames } from "../components/proposals/useAwardNames.ts";
import { QueryState } from "../components/QueryState.tsx";
import { useYear, YearSelect } from "../components/YearSelect.tsx";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { dateFormat } from "../i18n/dates.ts";
import "../proposals.css";

/** The board's queue of the blocs' proposals for a year: filters, a decision per row, bulk approval. */
export function ProposalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("proposals.queue.title"));
  const queryClient = useQueryClient();
  const [year, setYear] = useYear();
  const queue = useQuery(proposalQueueQuery(year));
  const blocs = useQuery(blocsQuery());
  const units = useQuery(unitsQuery());
  const awards = useAwardNames();
  const [filter, setFilter] = useState<QueueFilter>(defaultFilter);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [approving, setApproving] = useState<Proposal[] | null>(null);
  const [deciding, setDeciding] = useState<{ proposal: Proposal; outcome: "return" | "reject" } | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  // The last decision typed fills the next approval: a decision often covers several proposals.
  const [lastDecision, setLastDecision] = useState<DecisionFields>(() => ({
    decisionNumber: "",
    decisionDate: dateFormat(i18n.language).format(new Date()),
    signer: "",
  }));

  const names = useMemo(() => {
    const unitNames = new Map((units.data ?? []).map((u) => [u.unitId, u.name]));
    const blocNames = new Map((blocs.data ?? []).map((b) => [b.blocId, b.name]));
    return {
      unit: (id: string) => unitNames.get(id) ?? id,
      bloc: (id: string) => blocNames.get(id) ?? id,
      award: awards.name,
    };
  }, [units.data, blocs.data, awards.name]);

  const all = useMemo(
    () =>
      sortQueue(queue.data ?? [], {
        bloc: (a, b) => compareVietnamese(names.bloc(a), names.bloc(b)),
        award: awards.compare,
        unit: (a, b) => compareVietnamese(names.unit(a), names.unit(b)),
      }),
    [queue.data, names, awards.compare],
  );
  const visible = filterQueue(all, filter, names.unit);
  const counts = statusCounts(all, filter, names.unit);
  const shown = pageOf(visible, page);
  // Only what is shown and still pending is approved: a hidden or decided row is never acted on unseen.
  const chosen = visible.filter((p) => p.status === "proposed" && selected.has(proposalId(p)));
  const options = (ids: string[], label: (id: string) => string) => ids.map((id) => ({ value: id, label: label(id) }));
  const blocIds = [...new Set(all.map((p) => p.blocId))].sort((a, b) =>
    compareVietnamese(names.bloc(a), names.bloc(b)),
  );
  const awardIds = [...new Set(all.map((p) => p.awardTypeId))].sort(awards.compare);

  const label = (p: Proposal) =>
    t("proposals.approve.item", {
      award: names.award(p.awardTypeId),
      unit: names.unit(p.unitId),
      bloc: names.bloc(p.blocId),
    });
  const words = (p: Proposal) => ({ award: names.award(p.awardTypeId), unit: names.unit(p.unitId) });
  const select = (ids: readonly string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  // Someone decided first or the version moved (409), or it is gone (404): read the queue again.
  const refetchOnConflict = (error: unknown) => {
    if (isApiError(error) && (error.status === 409 || error.status === 404))
      void queryClient.invalidateQueries({ queryKey: proposalKeys.queue(year) });
  };

  const body = (
    <QueryState
      query={queue}
      loading={t("proposals.loading")}
      empty={(items) =>
        items.length === 0 ? t("proposals.queue.empty", { year }) : visible.length === 0 && t("proposals.queue.noMatch")
      }
    >
      {() => (
        <>
          <QueueTable
            rows={shown.rows}
            year={year}
            names={names}
            selected={selected}
            onSelect={select}
            onDecide={(proposal, outcome) => {
              setNotice(null);
              if (outcome === "approve") setApproving([proposal]);
              else setDeciding({ proposal, outcome });
            }}
          />
          <Pagination page={shown.page} pages={shown.pages} onPage={setPage} />
        </>
      )}
    </QueryState>
  );

  return (
    <section className="page proposals-page">
      <h1>{t("proposals.queue.title")}</h1>
      <p className="lead">{t("proposals.queue.intro")}</p>
      <div className="card">
        <div className="toolbar">
          <YearSelect
            id="queue-year"
            year={year}
            label={t("proposals.queue.yearLabel")}
            onChange={(y) => {
              setYear(y);
              setSelected(new Set());
              setPage(1);
            }}
          />
          {queue.data && (
            <p className="count" aria-live="polite">
              {t("proposals.queue.pending", { count: queue.data.filter((p) => p.status === "proposed").length, year })}
            </p>
          )}
        </div>
        <QueueFilters
          filter={filter}
          counts={counts}
          blocs={options(blocIds, names.bloc)}
          awards={options(awardIds, names.award)}
          onChange={(next) => {
            setFilter(next);
            setPage(1);
          }}
        />
        {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
        <div className="selection-bar" aria-live="polite">
          {chosen.length > 0 && (
            <>
              <span>{t("proposals.queue.selected", { count: chosen.length })}</span>
              <button
                type="button"
                className="button-primary button-small"
                onClick={() => {
                  setNotice(null);
                  setApproving(chosen);
                }}
              >
                {t("proposals.queue.approveSelected")}
              </button>
              <button type="button" className="button-secondary button-small" onClick={() => setSelected(new Set())}>
                {t("proposals.queue.clearSelection")}
              </button>
            </>
          )}
        </div>
        {visible.length > 0 && <p className="count">{t("proposals.queue.count", { count: visible.length })}</p>}
        {body}
      </div>
      {approving && (
        <ApproveDialog
          items={approving}
          label={label}
          initial={lastDecision}
          onFinished={(outcome, fields) => {
            setLastDecision(fields);
            select(outcome.done.map(proposalId), false);
            // Failures stay selected, for another try once the queue is read again.
            if (approving.length > 1)
              select(
                outcome.failed.map(({ item }) => proposalId(item)),
                true,
              );
            for (const { error } of outcome.failed) refetchOnConflict(error);
            if (outcome.failed.length > 0) return;
            setApproving(null);
            setNotice(
              outcome.done.length === 1 && outcome.done[0]
                ? { kind: "success", key: "proposals.approve.done", values: words(outcome.done[0]) }
                : { kind: "success", key: "proposals.approve.bulkDone", values: { count: outcome.done.length } },
            );
          }}
          onClose={() => setApproving(null)}
        />
      )}
      {deciding && (
        <ReasonDecisionDialog
          proposal={deciding.proposal}
          outcome={deciding.outcome}
          label={label(deciding.proposal)}
          onConflict={refetchOnConflict}
          onDone={(saved) => {
            select([proposalId(saved)], false);
            setDeciding(null);
            setNotice({
              kind: "success",
              key: deciding.outcome === "return" ? "proposals.returnDialog.done" : "proposals.rejectDialog.done",
              values: words(saved),
            });
          }}
          onClose={() => setDeciding(null)}
        />
      )}
    </section>
  );
}
