import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { outboxQuery } from "../api/accounts.ts";
import { DataTable } from "../components/DataTable.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { dateTimeFormat } from "../i18n/dates.ts";

/** The local runtime's outbox: the invitations and reset links it would have mailed, newest first. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useQuery({ ...outboxQuery(), refetchInterval: 5_000 });
  const time = dateTimeFormat(i18n.resolvedLanguage);
  return (
    <section className="page">
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.intro")}</p>
      <div className="card">
        <QueryState
          query={outbox}
          loading={t("outbox.loading")}
          empty={(items) => items.length === 0 && t("outbox.empty")}
        >
          {(items) => (
            <DataTable
              caption={t("outbox.listLabel")}
              rows={items}
              rowKey={(m) => m.messageId}
              columns={[
                {
                  key: "to",
                  header: t("outbox.to"),
                  cell: (m) => (
                    <>
                      {m.name}
                      <span className="muted cell-sub">{m.to}</span>
                    </>
                  ),
                },
                { key: "purpose", header: t("outbox.purpose"), cell: (m) => t(`outbox.purposes.${m.purpose}`) },
                { key: "at", header: t("outbox.at"), cell: (m) => time.format(new Date(m.at)) },
                { key: "expires", header: t("outbox.expires"), cell: (m) => time.format(new Date(m.expiresAt)) },
                {
                  key: "link",
                  header: t("outbox.link"),
                  cell: (m) => (
                    <a href={m.link} className="invitation-link">
                      {m.link}
                    </a>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </div>
    </section>
  );
}
