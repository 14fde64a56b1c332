import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DisciplineFlag } from "@thidua/core/unit/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isStale } from "../../api/client.ts";
import { type Unit, unitKeys, updateUnit } from "../../api/units.ts";
import { checkBody } from "../../forms/editForm.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { currentYear } from "../YearSelect.tsx";

/**
 * The unit's discipline flags, one per year with its reason. A flagged unit cannot lead its bloc or be
 * proposed that year (when the rules say so).
 */
export function DisciplineEditor({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(String(currentYear()));
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const years = Object.keys(unit.discipline).sort((a, b) => b.localeCompare(a));

  const change = useMutation({
    mutationFn: (discipline: Record<string, string | null>) =>
      updateUnit(unit.unitId, { discipline, version: unit.version }),
    onSuccess: (saved, discipline) => {
      queryClient.setQueryData(unitKeys.all, (list: Unit[] | undefined) =>
        list?.map((u) => (u.unitId === saved.unitId ? saved : u)),
      );
      const [[changedYear, why] = ["", null]] = Object.entries(discipline);
      setNotice({
        kind: "success",
        key: why === null ? "discipline.cleared" : "discipline.flagged",
        values: { year: changedYear },
      });
      if (why !== null) setReason("");
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: unitKeys.all });
      setNotice(null);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The API's own limits: a year such as 2024, a reason of 3 to 500 characters.
    const checked = checkBody(DisciplineFlag, { year: /^\d{4}$/.test(year) ? year : Number.NaN, reason });
    const found = checked.ok ? {} : checked.errors;
    setErrors(found);
    if (!checked.ok) {
      event.currentTarget
        .querySelector<HTMLInputElement>(found.year ? "#discipline-year" : "#discipline-reason")
        ?.focus();
      return;
    }
    change.mutate({ [year]: reason.trim() });
  };

  return (
    <section className="discipline" aria-labelledby="discipline-title">
      <h3 id="discipline-title">{t("discipline.title")}</h3>
      <p className="hint">{t("discipline.hint")}</p>
      {change.isError && <ErrorAlert message={describe(change.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      {years.length === 0 ? (
        <p className="muted">{t("discipline.none")}</p>
      ) : (
        <ul className="discipline-list">
          {years.map((y) => (
            <li key={y}>
              <span>
                <strong>{y}</strong>: {unit.discipline[y]}
              </span>
              <button
                type="button"
                className="button-secondary button-small"
                disabled={change.isPending}
                aria-label={t("discipline.clearYear", { year: y })}
                onClick={() => change.mutate({ [y]: null })}
              >
                {t("discipline.clear")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="form discipline-form" onSubmit={submit} noValidate>
        <Field
          id="discipline-year"
          label={t("discipline.year")}
          inputMode="numeric"
          value={year}
          error={errors.year && t("discipline.yearRule")}
          onChange={(e) => setYear(e.target.value.trim())}
        />
        <Field
          id="discipline-reason"
          label={t("discipline.reason")}
          placeholder={t("discipline.reasonPlaceholder")}
          value={reason}
          error={errors.reason && t("discipline.reasonRule")}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button-secondary" disabled={change.isPending} aria-busy={change.isPending}>
          {t("discipline.add")}
        </button>
      </form>
    </section>
  );
}
