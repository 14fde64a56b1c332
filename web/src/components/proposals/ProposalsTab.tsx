import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { blocProposalsQuery, type Proposal } from "../../api/proposals.ts";
import { blocQuotasQuery } from "../../api/quotas.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { Dialog } from "../Dialog.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { allOf, QueryState } from "../QueryState.tsx";
import { BlocProposals } from "./BlocProposals.tsx";
import { ProposalDocuments } from "./ProposalDocuments.tsx";
import { ProposeForm } from "./ProposeForm.tsx";
import { QuotaMeters } from "./QuotaMeters.tsx";
import { quotaUsage } from "./quota.ts";
import { useAwardNames } from "./useAwardNames.ts";
import "../../proposals.css";

/**
 * The bloc's award proposals for the year: the quota each award type uses, the proposals by award type
 * with the board's decisions, and for those who lead (once the year is ranked) the proposal form,
 * withdrawal and resubmission of a returned one. Read-only for everyone else.
 */
export function ProposalsTab() {
  const { t } = useTranslation();
  const { blocId, year, view, viewer, name } = useYearScope();
  const proposals = useQuery(blocProposalsQuery(blocId, year));
  const quotas = useQuery(blocQuotasQuery(blocId, year));
  const awards = useAwardNames();
  // The form's success is said beside the form; a withdrawal or a resubmission above the list.
  const [formNotice, setFormNotice] = useState<NoticeMessage | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [resubmitting, setResubmitting] = useState<Proposal | null>(null);
  const mayPropose = viewer.leads && view.phase === "ranked";

  const done = (saved: Proposal, resubmitted: boolean) => {
    (resubmitted ? setNotice : setFormNotice)({
      kind: "success",
      key: resubmitted ? "proposals.form.resubmitted" : "proposals.form.proposed",
      values: { award: awards.name(saved.awardTypeId), unit: name(saved.unitId) },
    });
    setResubmitting(null);
  };

  return (
    <QueryState query={allOf({ proposals, quotas, awardTypes: awards.query })} loading={t("proposals.loading")}>
      {(data) => {
        const usage = quotaUsage(data.quotas.items, data.proposals);
        const list = (
          <div className="stack">
            <section className="card" aria-labelledby="quota-title">
              <h2 id="quota-title">{t("proposals.quota.title", { year })}</h2>
              <QuotaMeters usage={usage} name={awards.name} year={year} />
              <p className="hint">{t("proposals.quota.hint")}</p>
            </section>
            <section className="card" aria-labelledby="bloc-proposals-title">
              <h2 id="bloc-proposals-title">{t("proposals.list.title", { year })}</h2>
              {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
              {!viewer.leads && <p className="hint list-hint">{t("proposals.list.readOnly")}</p>}
              {viewer.leads && view.phase === "closed" && (
                <p className="hint list-hint">{t("proposals.form.closed")}</p>
              )}
              <ProposalDocuments proposals={data.proposals} />
              <BlocProposals
                proposals={data.proposals}
                mayResubmit={mayPropose}
                onResubmit={setResubmitting}
                onWithdrawn={(p) =>
                  setNotice({
                    kind: "success",
                    key: "proposals.withdraw.done",
                    values: { award: awards.name(p.awardTypeId), unit: name(p.unitId) },
                  })
                }
              />
            </section>
          </div>
        );
        // Those who lead propose while the year is ranked; after it closes, only withdrawals remain.
        if (!viewer.leads) return list;
        return (
          <div className={mayPropose ? "split proposals-split" : undefined}>
            {list}
            {mayPropose && (
              <section className="card side-card" aria-labelledby="propose-title">
                <h2 id="propose-title">{t("proposals.form.title")}</h2>
                <p className="hint">{t("proposals.form.intro")}</p>
                {formNotice && <Notice notice={formNotice} onDismiss={() => setFormNotice(null)} />}
                <ProposeForm proposals={data.proposals} usage={usage} onDone={done} />
              </section>
            )}
            {resubmitting && (
              <Dialog
                title={t("proposals.form.resubmitTitle", { unit: name(resubmitting.unitId) })}
                onClose={() => setResubmitting(null)}
              >
                <ProposeForm
                  proposals={data.proposals}
                  usage={usage}
                  resubmit={resubmitting}
                  onDone={done}
                  onCancel={() => setResubmitting(null)}
                />
              </Dialog>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
