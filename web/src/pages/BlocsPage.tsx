import { useQuery } from "@tanstack/react-query";
import { matchesSearch } from "@thidua/core/text";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { blocsQuery } from "../api/blocs.ts";
import { BlocForm } from "../components/blocs/BlocForm.tsx";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Loading } from "../components/Loading.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { blocPath } from "../navigation.ts";
import { useActor } from "../session/session.tsx";

/** The province's blocs and clusters (the API already sorts them and limits them to the caller's own). */
export function BlocsPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const isBoard = useActor().role === "board";
  const blocs = useQuery(blocsQuery());
  const [query, setQuery] = useState("");
  const visible = (blocs.data ?? []).filter((bloc) => matchesSearch(bloc.name, query));

  let body: ReactNode;
  if (blocs.isPending) body = <Loading label={t("blocs.loading")} />;
  else if (blocs.isError) body = <ErrorAlert message={describe(blocs.error)} onRetry={() => void blocs.refetch()} />;
  else if (blocs.data.length === 0) body = <p className="empty">{isBoard ? t("blocs.empty") : t("blocs.emptyOwn")}</p>;
  else if (visible.length === 0) body = <p className="empty">{t("blocs.noMatch")}</p>;
  else
    body = (
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t("blocs.listLabel")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("blocs.name")}</th>
              <th scope="col">{t("blocs.kindLabel")}</th>
              <th scope="col">{t("blocs.criteria")}</th>
              <th scope="col">{t("blocs.council")}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((bloc) => (
              <tr key={bloc.blocId}>
                <th scope="row">
                  <Link to={blocPath(bloc.blocId)}>{bloc.name}</Link>
                </th>
                <td>{t(`blocs.kind.${bloc.kind}`)}</td>
                <td>
                  {bloc.criteriaVersion > 0 ? (
                    t("criteria.versionN", { version: bloc.criteriaVersion })
                  ) : (
                    <span className="muted">{t("criteria.none")}</span>
                  )}
                </td>
                <td>
                  {bloc.councilEmails.length > 0 ? bloc.councilEmails.join(", ") : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="page">
      <h1>{t("blocs.title")}</h1>
      <p className="lead">{isBoard ? t("blocs.intro") : t("blocs.introReader")}</p>
      <div className={isBoard ? "split" : undefined}>
        <div className="card">
          <div className="toolbar">
            <Field
              id="bloc-search"
              type="search"
              label={t("blocs.search")}
              placeholder={t("tenants.searchPlaceholder")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          {body}
        </div>
        {isBoard && (
          <section className="card side-card" aria-labelledby="bloc-new-title">
            <h2 id="bloc-new-title">{t("blocs.addTitle")}</h2>
            <BlocForm onSaved={(bloc) => void navigate(blocPath(bloc.blocId))} />
          </section>
        )}
      </div>
    </section>
  );
}
