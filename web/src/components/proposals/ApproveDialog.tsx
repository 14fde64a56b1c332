import { useQueryClient } from "@tanstack/react-query";
import { DecideInput } from "@thidua/core/proposal/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { decideProposal, type Proposal, proposalId, showProposal } from "../../api/proposals.ts";
import { checkBody } from "../../forms/editForm.ts";
import { parseDayMonthYear } from "../../i18n/dates.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { Dialog } from "../Dialog.tsx";
import { Field } from "../Field.tsx";
import { type BulkOutcome, failureReasons, runOneByOne } from "./bulk.ts";

/** The decision as typed: the date day first (15/01/2024). Kept by the page to fill the next approval. */
export interface DecisionFields {
  decisionNumber: string;
  decisionDate: string;
  signer: string;
}

/**
 * Approves one proposal or several with one decision (number, date, signer): one call after the other,
 * with the progress ("Đã duyệt 3/5"), then what failed and why. The page learns the outcome to keep the
 * failures selected and refetch what was stale.
 */
export function ApproveDialog({
  items,
  label,
  initial,
  onFinished,
  onClose,
}: {
  items: readonly Proposal[];
  /** "Bằng khen của Chủ tịch UBND tỉnh: Báo An Giang (Khối các cơ quan Đảng)". */
  label: (proposal: Proposal) => string;
  initial: DecisionFields;
  onFinished: (outcome: BulkOutcome<Proposal>, fields: DecisionFields) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof DecisionFields, string>>>({});
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<BulkOutcome<Proposal> | null>(null);
  const running = progress !== null && outcome === null;
  const bulk = items.length > 1;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const day = parseDayMonthYear(fields.decisionDate);
    const body = { outcome: "approve" as const, ...fields, decisionDate: day ?? "", version: 1 };
    const checked = checkBody(DecideInput, body);
    const found = {
      ...(checked.ok ? {} : checked.errors),
      ...(day ? {} : { decisionDate: "invalid" }),
    } as Record<string, string>;
    const rules: Record<keyof DecisionFields, string> = {
      decisionNumber: t("proposals.approve.numberRule"),
      decisionDate: t("proposals.approve.dateRule"),
      signer: t("proposals.approve.signerRule"),
    };
    const shown = Object.fromEntries(
      (Object.keys(rules) as (keyof DecisionFields)[]).filter((f) => found[f]).map((f) => [f, rules[f]]),
    );
    setErrors(shown);
    const first = Object.keys(shown)[0];
    if (first) {
      event.currentTarget.querySelector<HTMLElement>(`#approve-${first}`)?.focus();
      return;
    }
    setOutcome(null);
    setProgress({ done: 0, total: items.length });
    const result = await runOneByOne(
      items,
      async (p) => showProposal(queryClient, await decideProposal(p, { ...body, version: p.version })),
      (done, total) => setProgress({ done, total }),
    );
    setOutcome(result);
    onFinished(result, fields);
  };

  const codeOf = (error: unknown) => (isApiError(error) ? error.code : "unexpected");
  return (
    <Dialog
      title={bulk ? t("proposals.approve.bulkTitle", { count: items.length }) : t("proposals.approve.title")}
      onClose={onClose}
    >
      <form className="form approve-form" onSubmit={(e) => void submit(e)} noValidate>
        {bulk && <p className="hint">{t("proposals.approve.bulkHint")}</p>}
        <ul className="approve-items">
          {items.map((p) => (
            <li key={proposalId(p)}>{label(p)}</li>
          ))}
        </ul>
        <Field
          id="approve-decisionNumber"
          label={t("proposals.approve.number")}
          placeholder={t("proposals.approve.numberPlaceholder")}
          autoComplete="off"
          maxLength={60}
          value={fields.decisionNumber}
          error={errors.decisionNumber}
          onChange={(e) => setFields({ ...fields, decisionNumber: e.target.value })}
        />
        <div className="approve-row">
          <Field
            id="approve-decisionDate"
            label={t("proposals.approve.date")}
            placeholder={t("proposals.approve.datePlaceholder")}
            inputMode="numeric"
            autoComplete="off"
            value={fields.decisionDate}
            error={errors.decisionDate}
            onChange={(e) => setFields({ ...fields, decisionDate: e.target.value })}
          />
          <Field
            id="approve-signer"
            label={t("proposals.approve.signer")}
            placeholder={t("proposals.approve.signerPlaceholder")}
            maxLength={200}
            value={fields.signer}
            error={errors.signer}
            onChange={(e) => setFields({ ...fields, signer: e.target.value })}
          />
        </div>
        {progress && (
          <div className="approve-progress" role="status">
            <progress max={progress.total} value={progress.done} />
            <span>{t("proposals.approve.progress", progress)}</span>
          </div>
        )}
        {outcome && outcome.failed.length > 0 && (
          <div role="alert" className="alert alert-error bulk-failures">
            <div>
              {outcome.done.length > 0 && <p>{t("proposals.approve.bulkDone", { count: outcome.done.length })}</p>}
              <p>{t("proposals.approve.bulkFailed", { count: outcome.failed.length })}</p>
              <ul>
                {failureReasons(outcome, codeOf).map((reason) => (
                  <li key={reason.code}>
                    <strong>{describe(reason.error)}</strong>
                    <ul>
                      {reason.items.map((p) => (
                        <li key={proposalId(p)}>{label(p)}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
              {bulk && <p>{t("proposals.approve.keptSelected")}</p>}
              {outcome.failed.some(({ error }) => isApiError(error) && error.status === 409) && (
                <p>{t("proposals.approve.reloaded")}</p>
              )}
            </div>
          </div>
        )}
        <div className="button-row">
          {!outcome && (
            <button type="submit" className="button-primary" disabled={running} aria-busy={running}>
              {running && progress
                ? t("proposals.approve.progress", progress)
                : bulk
                  ? t("proposals.approve.bulkSubmit", { count: items.length })
                  : t("proposals.approve.submit")}
            </button>
          )}
          <button type="button" className="button-secondary" onClick={onClose}>
            {outcome ? t("app.close") : t("form.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
