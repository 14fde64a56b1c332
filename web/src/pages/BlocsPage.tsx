import { useQuery } from "@tanstack/react-query";
import { matchesSearch } from "@thidua/core/text";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { blocsQuery } from "../api/blocs.ts";
import { BlocForm } from "../components/blocs/BlocForm.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { Field } from "../components/Field.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { blocPath } from "../navigation.ts";
import { useActor } from "../session/session.tsx";

/** The province's blocs and clusters (the API already sorts them and limits them to the caller's own). */
export function BlocsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isBoard = useActor().role === "board";
  const blocs = useQuery(blocsQuery());
  const [query, setQuery] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const visible = (blocs.data ?? []).filter(
    (bloc) => (showArchived || !bloc.archivedAt) && matchesSearch(bloc.name, query),
  );

  const body = (
    <QueryState
      query={blocs}
      loading={t("blocs.loading")}
      empty={(all) =>
        all.length === 0
          ? isBoard
            ? t("blocs.empty")
            : t("blocs.emptyOwn")
          : visible.length === 0 && t("blocs.noMatch")
      }
    >
      {() => (
        <DataTable
          caption={t("blocs.listLabel")}
          rows={visible}
          rowKey={(bloc) => bloc.blocId}
          columns={[
            {
              key: "name",
              header: t("blocs.name"),
              cell: (bloc) => (
                <>
                  <Link to={blocPath(bloc.blocId)}>{bloc.name}</Link>
                  {bloc.archivedAt && <span className="badge badge-archived"> {t("blocs.archivedBadge")}</span>}
                </>
              ),
            },
            { key: "kind", header: t("blocs.kindLabel"), cell: (bloc) => t(`blocs.kind.${bloc.kind}`) },
            {
              key: "criteria",
              header: t("blocs.criteria"),
              cell: (bloc) =>
                bloc.criteriaVersion > 0 ? (
                  t("criteria.versionN", { version: bloc.criteriaVersion })
                ) : (
                  <span className="muted">{t("criteria.none")}</span>
                ),
            },
            {
              key: "council",
              header: t("blocs.council"),
              cell: (bloc) =>
                bloc.councilEmails.length > 0 ? bloc.councilEmails.join(", ") : <span className="muted">—</span>,
            },
          ]}
        />
      )}
    </QueryState>
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
            {isBoard && (
              <label className="check">
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
                {t("blocs.showArchived")}
              </label>
            )}
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
