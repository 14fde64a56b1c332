import { useQueryClient } from "@tanstack/react-query";
import { OpenYearInput } from "@thidua/core/bloc/rules";
import { useTranslation } from "react-i18next";
import { type BlocYear, blocKeys, openYear } from "../../api/blocs.ts";
import { FormFeedback } from "../../forms/FormFeedback.tsx";
import { useEditForm } from "../../forms/useEditForm.ts";
import { useFieldError } from "../../i18n/errors.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { Field } from "../Field.tsx";

/** Phát động thi đua: opens the year with a theme and a note to the members, fixing its criteria version and rules. */
export function OpenYearForm({ saved, hasCriteria }: { saved: BlocYear; hasCriteria: boolean }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const queryClient = useQueryClient();
  const { blocId, year } = saved;
  const form = useEditForm({
    initial: { theme: "", launchNote: "" },
    editing: false,
    idPrefix: "open",
    refresh: [blocKeys.year(blocId, year)],
    schema: OpenYearInput,
    body: ({ theme, launchNote }) => ({
      ...(theme.trim() ? { theme: theme.trim() } : {}),
      ...(launchNote.trim() ? { launchNote: launchNote.trim() } : {}),
      version: saved.version,
    }),
    save: (body) => openYear(blocId, year, body),
    onSaved: (blocYear) => queryClient.setQueryData(blocKeys.year(blocId, year), blocYear),
  });

  const missing = [
    saved.memberUnitIds.length === 0 ? t("openYear.needMembers") : "",
    hasCriteria ? "" : t("openYear.needCriteria"),
  ].filter(Boolean);
  return (
    <form className="card form" onSubmit={form.submit} noValidate aria-labelledby="open-year-title">
      <h2 id="open-year-title">{t("openYear.title", { year })}</h2>
      <p className="hint">{t("openYear.hint")}</p>
      {missing.length > 0 && (
        <ul className="checks-missing">
          {missing.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <FormFeedback failure={form.failure} unchanged={false} />
      <Field
        id="open-theme"
        label={t("openYear.theme")}
        placeholder={t("openYear.themePlaceholder")}
        value={form.draft.theme}
        error={fieldError(form.errors.theme, t("openYear.themeRule"))}
        onChange={(e) => form.set({ theme: e.target.value })}
      />
      <div className="field">
        <label htmlFor="open-launchNote">{t("openYear.launchNote")}</label>
        <CountedTextarea
          id="open-launchNote"
          rows={3}
          max={3000}
          value={form.draft.launchNote}
          placeholder={t("openYear.launchNotePlaceholder")}
          aria-invalid={form.errors.launchNote ? true : undefined}
          onChange={(e) => form.set({ launchNote: e.target.value })}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={form.saving} aria-busy={form.saving}>
          {form.saving ? t("openYear.opening") : t("openYear.submit", { year })}
        </button>
      </div>
    </form>
  );
}
