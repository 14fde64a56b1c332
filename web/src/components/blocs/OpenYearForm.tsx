import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type BlocYear, blocKeys, openYear } from "../../api/blocs.ts";
import { isApiError, isStale } from "../../api/client.ts";
import { fieldsOf, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";

/** Phát động thi đua: opens the year with a theme, fixing its criteria version and rules. */
export function OpenYearForm({ saved, hasCriteria }: { saved: BlocYear; hasCriteria: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const { blocId, year } = saved;
  const [theme, setTheme] = useState("");
  const [themeError, setThemeError] = useState(false);

  const open = useMutation({
    mutationFn: () =>
      openYear(blocId, year, { ...(theme.trim() ? { theme: theme.trim() } : {}), version: saved.version }),
    onSuccess: (blocYear) => queryClient.setQueryData(blocKeys.year(blocId, year), blocYear),
    onError: (error) => {
      if (isStale(error) || isApiError(error, "bloc_year.already_open"))
        void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
      if (fieldsOf(error).theme) setThemeError(true);
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const length = theme.trim().length;
    const invalid = length > 0 && (length < 3 || length > 300);
    setThemeError(invalid);
    if (invalid) {
      event.currentTarget.querySelector<HTMLInputElement>("#open-theme")?.focus();
      return;
    }
    open.mutate();
  };

  const missing = [
    saved.memberUnitIds.length === 0 ? t("openYear.needMembers") : "",
    hasCriteria ? "" : t("openYear.needCriteria"),
  ].filter(Boolean);
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="open-year-title">
      <h2 id="open-year-title">{t("openYear.title", { year })}</h2>
      <p className="hint">{t("openYear.hint")}</p>
      {missing.length > 0 && (
        <ul className="checks-missing">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {open.isError && <ErrorAlert message={describe(open.error)} />}
      <Field
        id="open-theme"
        label={t("openYear.theme")}
        placeholder={t("openYear.themePlaceholder")}
        value={theme}
        error={themeError ? t("openYear.themeRule") : undefined}
        onChange={(e) => setTheme(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={open.isPending} aria-busy={open.isPending}>
          {open.isPending ? t("openYear.opening") : t("openYear.submit", { year })}
        </button>
      </div>
    </form>
  );
}
