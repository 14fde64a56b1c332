import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authConfigQuery, changePassword, meQuery } from "../api/auth.ts";
import { SetPasswordForm } from "../components/SetPasswordForm.tsx";
import { useActor, useSignIn } from "../session/session.tsx";

/** Who am I: what the verified token says about the signed-in user; and a new password. */
export function AccountPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { data: me } = useQuery(meQuery());
  const config = useQuery(authConfigQuery());
  const signIn = useSignIn();
  const [changed, setChanged] = useState(false);
  const rows: [label: string, value: string][] = [
    [t("account.name"), actor.name],
    [t("account.email"), actor.email],
    [t("account.role"), t(`roles.${actor.role}`)],
    [t("account.province"), me?.tenantName ?? actor.tenantId ?? t("account.allProvinces")],
    [t("account.unit"), me?.unitName ?? actor.unitId ?? t("account.noUnit")],
  ];
  return (
    <section className="page">
      <h1>{t("account.title")}</h1>
      <dl className="details card">
        {rows.map(([label, value]) => (
          <div key={label} className="details-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {config.data && (
        <div className="card narrow">
          <h2>{t("changePassword.title")}</h2>
          {changed && (
            <p role="status" className="alert alert-success">
              {t("changePassword.done")}
            </p>
          )}
          <SetPasswordForm
            idPrefix="change"
            current
            email={actor.email}
            submitLabel={t("changePassword.submit")}
            onAttempt={() => setChanged(false)}
            autoFocus={false}
            save={(password, current) => changePassword(config.data, actor.email, current, password)}
            onSaved={(session) => {
              // The other sessions ended; this one goes on with the new tokens.
              signIn(session);
              setChanged(true);
            }}
          />
        </div>
      )}
    </section>
  );
}
