import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { EnterAwardInput } from "@thidua/core/proposal/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { blocsQuery } from "../../api/blocs.ts";
import { type EnterAwardBody, enterAward, proposalKeys, type UnitAward, unitAwardsQuery } from "../../api/proposals.ts";
import type { Unit } from "../../api/units.ts";
import { checkBody } from "../../forms/editForm.ts";
import { parseDayMonthYear } from "../../i18n/dates.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { DataTable } from "../DataTable.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { useDay } from "../proposals/ProposalStatus.tsx";
import { useAwardNames } from "../proposals/useAwardNames.ts";
import { QueryState } from "../QueryState.tsx";
import { SelectField } from "../SelectField.tsx";
import { currentYear } from "../YearSelect.tsx";

/**
 * A unit's awards, most recent first (from the blocs' approved proposals, or entered by the board), and
 * the board's entry of an earlier year's award, so "N years in a row" holds from the first year of use.
 */
export function AwardHistoryDialog({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const awards = useQuery(unitAwardsQuery(unit.unitId));
  const names = useAwardNames();
  const blocs = useQuery(blocsQuery());
  const day = useDay();
  const blocName = (id: string) => blocs.data?.find((b) => b.blocId === id)?.name ?? id;
  return (
    <Dialog title={t("proposals.history.title", { name: unit.name })} onClose={onClose}>
      <div className="award-history">
        <QueryState
          query={awards}
          loading={t("proposals.history.loading")}
          empty={(list) => list.length === 0 && t("proposals.history.empty")}
        >
          {(list) => (
            <DataTable<UnitAward>
              caption={t("proposals.history.caption")}
              rows={list}
              rowKey={(a) => `${a.year}/${a.awardTypeId}`}
              columns={[
                { key: "year", header: t("proposals.history.year"), cell: (a) => a.year },
                { key: "award", header: t("proposals.history.award"), cell: (a) => names.name(a.awardTypeId) },
                {
                  key: "decision",
                  header: t("proposals.history.decision"),
                  cell: (a) =>
                    a.decisionNumber || a.decisionDate ? (
                      [
                        a.decisionNumber && t("proposals.history.decisionText", { number: a.decisionNumber }),
                        a.decisionDate && t("proposals.history.decisionDate", { date: day(a.decisionDate) }),
                      ]
                        .filter(Boolean)
                        .join(", ")
                    ) : (
                      <span className="muted">—</span>
                    ),
                },
                {
                  key: "source",
                  header: t("proposals.history.source"),
                  cell: (a) =>
                    a.source === "proposal" && a.blocId
                      ? t("proposals.history.fromProposal", { bloc: blocName(a.blocId) })
                      : t("proposals.history.entered"),
                },
              ]}
            />
          )}
        </QueryState>
        <EnterAwardForm unitId={unit.unitId} />
      </div>
    </Dialog>
  );
}

/** The board records an award the unit received before the province used the system. */
function EnterAwardForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const names = useAwardNames();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(currentYear() - 1));
  const [awardTypeId, setAwardTypeId] = useState("");
  const [decisionNumber, setDecisionNumber] = useState("");
  const [decisionDate, setDecisionDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const save = useMutation({
    mutationFn: (body: EnterAwardBody) => enterAward(unitId, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.awards(unitId) });
      setNotice({
        kind: "success",
        key: "proposals.history.added",
        values: { award: names.name(saved.awardTypeId), year: saved.year },
      });
      setDecisionNumber("");
      setDecisionDate("");
    },
    onError: () => setNotice(null),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const day = decisionDate.trim() ? parseDayMonthYear(decisionDate) : undefined;
    const body: EnterAwardBody = {
      year: /^\d{4}$/.test(year.trim()) ? Number(year) : Number.NaN,
      awardTypeId,
      ...(decisionNumber.trim() ? { decisionNumber } : {}),
      ...(day ? { decisionDate: day } : {}),
    };
    const checked = checkBody(EnterAwardInput, body);
    const found: Record<string, string> = {
      ...(checked.ok || !checked.errors.year ? {} : { year: t("proposals.history.yearRule") }),
      ...(awardTypeId ? {} : { awardTypeId: t("proposals.history.awardRequired") }),
      ...(checked.ok || !checked.errors.decisionNumber ? {} : { decisionNumber: t("proposals.approve.numberRule") }),
      ...(decisionDate.trim() && !day ? { decisionDate: t("proposals.approve.dateRule") } : {}),
    };
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) event.currentTarget.querySelector<HTMLElement>(`#award-${first}`)?.focus();
    else save.mutate(body);
  };
  const server = fieldsOf(save.error);
  return (
    <form className="form enter-award-form" onSubmit={submit} noValidate aria-labelledby="enter-award-title">
      <h3 id="enter-award-title">{t("proposals.history.addTitle")}</h3>
      <p className="hint">{t("proposals.history.addHint")}</p>
      {save.isError && !server.awardTypeId && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="enter-award-fields">
        <Field
          id="award-year"
          label={t("proposals.history.year")}
          inputMode="numeric"
          className="input-narrow"
          value={year}
          error={errors.year}
          onChange={(e) => setYear(e.target.value)}
        />
        <SelectField
          id="award-awardTypeId"
          label={t("proposals.history.award")}
          value={awardTypeId}
          error={errors.awardTypeId ?? (server.awardTypeId && describeCode(server.awardTypeId))}
          options={[
            { value: "", label: t("proposals.form.chooseAward") },
            ...names.types.map((type) => ({ value: type.awardTypeId, label: type.name })),
          ]}
          onChange={(e) => setAwardTypeId(e.target.value)}
        />
      </div>
      <div className="enter-award-fields">
        <Field
          id="award-decisionNumber"
          label={t("proposals.history.numberOptional")}
          placeholder={t("proposals.approve.numberPlaceholder")}
          maxLength={60}
          value={decisionNumber}
          error={errors.decisionNumber}
          onChange={(e) => setDecisionNumber(e.target.value)}
        />
        <Field
          id="award-decisionDate"
          label={t("proposals.history.dateOptional")}
          placeholder={t("proposals.approve.datePlaceholder")}
          inputMode="numeric"
          value={decisionDate}
          error={errors.decisionDate}
          onChange={(e) => setDecisionDate(e.target.value)}
        />
      </div>
      <FormActions pending={save.isPending} submitLabel={t("proposals.history.add")} />
    </form>
  );
}
