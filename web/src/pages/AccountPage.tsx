import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { meQuery } from "../api/auth.ts";
import { useActor } from "../session/session.tsx";

/** Who am I: what the verified token says about the signed-in user. */
export function AccountPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { data: me } = useQuery(meQuery());
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
    </section>
  );
}
