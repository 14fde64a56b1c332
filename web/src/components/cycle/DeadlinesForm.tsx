import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Deadlines, dutyPhases, setDeadlines, showCycle } from "../../api/cycle.ts";
import { dateFormat, parseDayMonthYear } from "../../i18n/dates.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { useRefreshOnConflict, useYearScope } from "./YearContext.tsx";

type DutyPhase = (typeof dutyPhases)[number];

/** The deadlines of the phases that ask something of every member, typed day first (15/03/2026); empty: none. */
export function DeadlinesForm() {
  const { t, i18n } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const saved = view.year.deadlines ?? {};
  const shown = (day: string | undefined) => (day ? dateFormat(i18n.language).format(new Date(`${day}T00:00:00`)) : "");
  const [values, setValues] = useState<Record<DutyPhase, string>>(
    () => Object.fromEntries(dutyPhases.map((p) => [p, shown(saved[p])])) as Record<DutyPhase, string>,
  );
  const [invalid, setInvalid] = useState<DutyPhase[]>([]);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const save = useMutation({
    mutationFn: (deadlines: Deadlines) => setDeadlines(blocId, year, { deadlines, version: view.year.version }),
    onSuccess: (updated) => {
      showCycle(queryClient, blocId, year, updated);
      setNotice({ kind: "success", key: "cycle.deadlines.saved" });
    },
    onError: refresh,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const parsed = dutyPhases.map((p) => [p, values[p].trim() ? parseDayMonthYear(values[p]) : ""] as const);
    const wrong = parsed.filter(([, day]) => day === undefined).map(([p]) => p);
    setInvalid(wrong);
    if (wrong[0]) {
      document.getElementById(`deadline-${wrong[0]}`)?.focus();
      return;
    }
    save.mutate(Object.fromEntries(parsed.filter(([, day]) => day)) as Deadlines);
  };
  const fields = fieldsOf(save.error);
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t("cycle.deadlines.title")}</h2>
      <p className="hint">{t("cycle.deadlines.hint")}</p>
      {save.isError && !Object.keys(fields).length && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="deadline-fields">
        {dutyPhases.map((phase) => {
          const server = fields[`deadlines.${phase}`];
          const error = invalid.includes(phase) ? t("cycle.deadlines.invalid") : server && describeCode(server);
          return (
            <Field
              key={phase}
              id={`deadline-${phase}`}
              label={t(`cycle.deadlines.of.${phase}`)}
              placeholder={t("cycle.deadlines.placeholder")}
              inputMode="numeric"
              value={values[phase]}
              error={error || undefined}
              onChange={(e) => setValues((v) => ({ ...v, [phase]: e.target.value }))}
            />
          );
        })}
      </div>
      <FormActions pending={save.isPending} submitLabel={t("cycle.deadlines.save")} />
    </form>
  );
}
