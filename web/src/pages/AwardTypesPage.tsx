import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AwardType, awardTypesQuery } from "../api/awardTypes.ts";
import { AwardTypeForm } from "../components/awards/AwardTypeForm.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { useErrorMessage } from "../i18n/errors.ts";

/** Danh hiệu, hình thức khen thưởng: the province's titles and awards, built-in ones included, in their order. */
export function AwardTypesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const awardTypes = useQuery(awardTypesQuery());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const all = awardTypes.data ?? [];
  const editing = all.find((type) => type.awardTypeId === editingId);
  const nameOf = (id: string) => all.find((type) => type.awardTypeId === id)?.name ?? id;
  const saved = (type: AwardType) => setNotice({ kind: "success", key: "awards.saved", values: { name: type.name } });

  let body: ReactNode;
  if (awardTypes.isPending) body = <Loading label={t("awards.loading")} />;
  else if (awardTypes.isError)
    body = <ErrorAlert message={describe(awardTypes.error)} onRetry={() => void awardTypes.refetch()} />;
  else if (all.length === 0) body = <p className="empty">{t("awards.empty")}</p>;
  else
    body = (
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t("awards.listLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("awards.name")}</th>
              <th scope="col">{t("awards.level")}</th>
              <th scope="col">{t("awards.prerequisites")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("units.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map((type) => (
              <tr key={type.awardTypeId} className={type.active ? undefined : "inactive"}>
                <th scope="row">
                  {type.name} {type.builtIn && <span className="badge badge-builtin">{t("awards.builtIn")}</span>}{" "}
                  {type.leaderOnly && <span className="badge badge-leader">{t("awards.leaderOnlyBadge")}</span>}{" "}
                  {!type.active && <span className="badge badge-suspended">{t("awards.inactive")}</span>}
                </th>
                <td>{t(`awards.levels.${type.level}`)}</td>
                <td>
                  {type.prerequisites.length > 0 ? (
                    type.prerequisites.map(nameOf).join("; ")
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button-secondary button-small"
                    aria-label={t("awards.editNamed", { name: type.name })}
                    onClick={() => {
                      setEditingId(type.awardTypeId);
                      setNotice(null);
                    }}
                  >
                    {t("form.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="page">
      <h1>{t("awards.title")}</h1>
      <p className="lead">{t("awards.intro")}</p>
      <div className="split">
        <div className="card">{body}</div>
        <section className="card side-card" aria-labelledby="award-form-title">
          <h2 id="award-form-title">
            {editing ? t("awards.editTitle", { name: editing.name }) : t("awards.addTitle")}
          </h2>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {editing ? (
            <AwardTypeForm
              key={editing.awardTypeId}
              awardType={editing}
              all={all}
              onSaved={saved}
              onCancel={() => setEditingId(null)}
            />
          ) : (
            <AwardTypeForm all={all} onSaved={saved} />
          )}
        </section>
      </div>
    </section>
  );
}
