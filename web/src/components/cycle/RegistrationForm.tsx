import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { awardTypesQuery } from "../../api/awardTypes.ts";
import { type Participation, register } from "../../api/cycle.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { FormActions } from "../FormActions.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { QueryState } from "../QueryState.tsx";
import { filled, ItemListEditor } from "./ItemListEditor.tsx";
import { Signature } from "./Signature.tsx";
import { usePartMutation } from "./usePartMutation.ts";
import { useYearScope } from "./YearContext.tsx";

/** Đăng ký thi đua: the unit's targets for the year and the titles it aims for; editable while registration lasts. */
export function RegistrationForm({ unitId, part }: { unitId: string; part: Participation | undefined }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const types = useQuery(awardTypesQuery());
  const saved = part?.registration;
  const [targets, setTargets] = useState<string[]>(saved?.targets ?? [""]);
  const [aims, setAims] = useState<string[]>(saved?.aims ?? []);
  const [empty, setEmpty] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const save = usePartMutation(
    (body: { targets: string[]; aims: string[] }) =>
      register(blocId, year, unitId, { ...body, version: part?.version ?? 0 }),
    () => setNotice({ kind: "success", key: "cycle.registration.saved" }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const sent = filled(targets);
    setTargets(sent.length ? sent : [""]);
    setEmpty(sent.length === 0);
    if (sent.length === 0) {
      document.getElementById("reg-targets-0")?.focus();
      return;
    }
    save.mutate({ targets: sent, aims });
  };

  const fields = fieldsOf(save.error);
  const itemErrors = Object.fromEntries(
    Object.entries(fields).flatMap(([path, message]) => {
      const match = /^targets\.(\d+)$/.exec(path);
      return match ? [[Number(match[1]), describeField(message)]] : [];
    }),
  );
  const aimError = Object.entries(fields).find(([path]) => path.startsWith("aims"))?.[1];

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="registration">
      <h2 id="registration" tabIndex={-1}>
        {t("cycle.registration.title", { year })}
      </h2>
      <p className="hint">{t("cycle.registration.hint")}</p>
      {saved && <Signature signed={saved.filed} label={t("cycle.registration.filed")} />}
      {save.isError && !Object.keys(itemErrors).length && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <ItemListEditor
        id="reg-targets"
        legend={t("cycle.registration.targets")}
        itemName={(n) => t("cycle.registration.targetN", { number: n })}
        addLabel={t("cycle.registration.addTarget")}
        items={targets}
        onChange={(next) => {
          setTargets(next);
          setEmpty(false);
        }}
        errors={itemErrors}
        error={empty ? t("cycle.registration.needTarget") : undefined}
      />
      <QueryState query={types} loading={t("awards.loading")}>
        {(all) => {
          const active = all.filter((type) => type.active || aims.includes(type.awardTypeId));
          return (
            <fieldset className="checklist compact">
              <legend>{t("cycle.registration.aims")}</legend>
              {aimError && <p className="field-error">{describeField(aimError)}</p>}
              {active.length === 0 && <p className="muted">{t("cycle.registration.noAwardTypes")}</p>}
              {active.map((type) => (
                <label key={type.awardTypeId} className="check">
                  <input
                    type="checkbox"
                    checked={aims.includes(type.awardTypeId)}
                    onChange={(e) =>
                      setAims((list) =>
                        e.target.checked ? [...list, type.awardTypeId] : list.filter((id) => id !== type.awardTypeId),
                      )
                    }
                  />
                  {type.name}
                  <span className="muted"> · {t(`awards.levels.${type.level}`)}</span>
                </label>
              ))}
            </fieldset>
          );
        }}
      </QueryState>
      <FormActions
        pending={save.isPending}
        submitLabel={saved ? t("cycle.registration.update") : t("cycle.registration.submit")}
      />
    </form>
  );
}

/** The registration as filed, once it can no longer change. */
export function RegistrationView({ part }: { part: Participation | undefined }) {
  const { t } = useTranslation();
  const types = useQuery(awardTypesQuery());
  const saved = part?.registration;
  const names = new Map((types.data ?? []).map((type) => [type.awardTypeId, type.name]));
  return (
    <section className="card" aria-labelledby="registration">
      <h2 id="registration" tabIndex={-1}>
        {t("cycle.registration.titleShort")}
      </h2>
      {!saved ? (
        <p className="muted">{t("cycle.registration.none")}</p>
      ) : (
        <>
          <Signature signed={saved.filed} label={t("cycle.registration.filed")} />
          <h3>{t("cycle.registration.targets")}</h3>
          <ol className="text-list">
            {saved.targets.map((target, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a filed list never reorders
              <li key={i}>{target}</li>
            ))}
          </ol>
          <h3>{t("cycle.registration.aims")}</h3>
          {saved.aims.length === 0 ? (
            <p className="muted">{t("cycle.registration.noAims")}</p>
          ) : (
            <ul className="text-list">
              {saved.aims.map((id) => (
                <li key={id}>{names.get(id) ?? id}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
