import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isStale } from "../../api/client.ts";
import {
  type BlocQuotas,
  type QuotaInput,
  type QuotaMode,
  quotaFor,
  quotaKeys,
  quotaModes,
  quotaRoundings,
  type Rounding,
  saveBlocQuotas,
} from "../../api/quotas.ts";
import { fieldsOf, limitOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";

type Row = Omit<QuotaInput, "value"> & { value: string };

/** Whole numbers: up to 1000 awards, or 0–100 percent of the members (the API's limits). */
const parsed = ({ mode, value }: Row): number | undefined => {
  const n = Number(value);
  const ok = value.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= (mode === "count" ? 1000 : 100);
  return ok ? n : undefined;
};

/**
 * The board's quotas for one bloc and year: one row per award type in use (the API lists them all, unset
 * ones at their default); the resulting numbers follow the members as you type.
 */
export function QuotaEditor(props: {
  blocId: string;
  year: number;
  saved: BlocQuotas;
  nameOf: (id: string) => string;
}) {
  const { blocId, year, saved, nameOf } = props;
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() => saved.items.map((q) => ({ ...q, value: String(q.value) })));
  const [checked, setChecked] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const save = useMutation({
    mutationFn: () =>
      saveBlocQuotas(blocId, year, {
        items: rows.map(({ awardTypeId, mode, rounding, ...row }) => ({
          awardTypeId,
          mode,
          rounding,
          value: parsed({ awardTypeId, mode, rounding, ...row }) ?? 0,
        })),
        version: saved.version,
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(quotaKeys.bloc(blocId, year), result);
      void queryClient.invalidateQueries({ queryKey: quotaKeys.province(year) });
      setChecked(false);
      setNotice({ kind: "success", key: "quotas.saved", values: { year } });
    },
    onError: (error) => {
      setNotice(null);
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: quotaKeys.bloc(blocId, year) });
    },
  });
  const serverFields = fieldsOf(save.error);
  const update = (index: number, change: Partial<Row>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    const first = rows.findIndex((row) => parsed(row) === undefined);
    if (first >= 0) event.currentTarget.querySelector<HTMLInputElement>(`#quota-value-${first}`)?.focus();
    else save.mutate();
  };

  if (rows.length === 0) return <p className="empty">{t("quotas.noAwardTypes")}</p>;
  return (
    <form onSubmit={submit} noValidate className="stack">
      {save.isError && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="table-wrap">
        <table className="data-table quota-table">
          <caption className="visually-hidden">{t("quotas.tableLabel", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("quotas.awardType")}</th>
              <th scope="col">{t("quotas.mode")}</th>
              <th scope="col">{t("quotas.value")}</th>
              <th scope="col">{t("quotas.roundingLabel")}</th>
              <th scope="col" className="num">
                {t("quotas.resulting")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const name = nameOf(row.awardTypeId);
              const value = parsed(row);
              const server = serverFields[`items.${i}.value`] ?? serverFields[`items.${i}.awardTypeId`];
              const error =
                checked && value === undefined
                  ? describeField(row.mode === "count" ? "quota.count_invalid" : "quota.percent_invalid")
                  : server && describeField(server, { limit: limitOf(save.error, `items.${i}.value`) });
              return (
                <tr key={row.awardTypeId}>
                  <th scope="row">{name}</th>
                  <td>
                    <select
                      aria-label={t("quotas.modeFor", { name })}
                      value={row.mode}
                      onChange={(e) => update(i, { mode: e.target.value as QuotaMode })}
                    >
                      {quotaModes.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`quotas.modes.${mode}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      id={`quota-value-${i}`}
                      className="input-narrow"
                      inputMode="numeric"
                      aria-label={t("quotas.valueFor", { name })}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `quota-value-${i}-error` : undefined}
                      value={row.value}
                      onChange={(e) => update(i, { value: e.target.value })}
                    />
                    {row.mode === "percent" && <span aria-hidden="true"> %</span>}
                    {error && (
                      <p id={`quota-value-${i}-error`} className="field-error">
                        {error}
                      </p>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={t("quotas.roundingFor", { name })}
                      value={row.rounding}
                      disabled={row.mode === "count"}
                      onChange={(e) => update(i, { rounding: e.target.value as Rounding })}
                    >
                      {quotaRoundings.map((rounding) => (
                        <option key={rounding} value={rounding}>
                          {t(`quotas.rounding.${rounding}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{value === undefined ? "—" : quotaFor({ ...row, value }, saved.memberCount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? t("form.saving") : t("quotas.save")}
        </button>
      </div>
    </form>
  );
}
