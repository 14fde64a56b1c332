import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { archiveBloc, blocKeys, blocQuery } from "../api/blocs.ts";
import { ArchivePanel } from "../components/ArchivePanel.tsx";
import { BlocForm } from "../components/blocs/BlocForm.tsx";
import { BlocRulesTab } from "../components/blocs/BlocRulesTab.tsx";
import { CriteriaTab } from "../components/blocs/CriteriaTab.tsx";
import { MembersTab } from "../components/blocs/MembersTab.tsx";
import { QuotasTab } from "../components/blocs/QuotasTab.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { Tabs } from "../components/Tabs.tsx";
import { pages } from "../navigation.ts";
import { useActor } from "../session/session.tsx";

const tabKeys = ["members", "criteria", "quotas", "rules"] as const;
type TabKey = (typeof tabKeys)[number];

/** One bloc or cluster: its year (members, seats, opening), criteria table, quotas and rule overrides. */
export function BlocPage() {
  const { t } = useTranslation();
  const blocId = useParams().blocId ?? "";
  const canWrite = useActor().role === "board";
  const bloc = useQuery(blocQuery(blocId));
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const requested = params.get("tab");
  const tab: TabKey = tabKeys.find((key) => key === requested) ?? "members";

  // Arriving on the page, or closing the edit form, puts the keyboard (and screen readers) on its heading.
  const loaded = bloc.isSuccess;
  useEffect(() => {
    if (loaded && !editing) headingRef.current?.focus({ preventScroll: true });
  }, [loaded, editing]);

  const selectTab = (key: TabKey) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (key === "members") next.delete("tab");
        else next.set("tab", key);
        return next;
      },
      { replace: true },
    );

  const back = (
    <p className="breadcrumb">
      <Link to={pages.blocs.path}>← {t("blocs.title")}</Link>
    </p>
  );
  return (
    <section className="page">
      {back}
      <QueryState query={bloc} loading={t("blocs.loadingOne")}>
        {(data) => (
          <>
            <div className="page-heading">
              <div>
                <h1 ref={headingRef} tabIndex={-1}>
                  {data.name}
                </h1>
                <p className="lead">
                  {data.archivedAt && <span className="badge badge-archived">{t("blocs.archivedBadge")}</span>}{" "}
                  {t(`blocs.kind.${data.kind}`)}
                  {data.councilEmails.length > 0 &&
                    ` · ${t("blocs.followedBy", { emails: data.councilEmails.join(", ") })}`}
                </p>
              </div>
              {canWrite && !editing && (
                <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                  {t("blocs.edit")}
                </button>
              )}
            </div>
            {editing && (
              <section className="card narrow" aria-label={t("blocs.edit")}>
                <BlocForm bloc={data} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
                <ArchivePanel
                  what="bloc"
                  name={data.name}
                  archivedAt={data.archivedAt}
                  archive={(archived) => archiveBloc(data, archived)}
                  onStale={() => void queryClient.invalidateQueries({ queryKey: blocKeys.all })}
                  onDone={() => {
                    setEditing(false);
                    void queryClient.invalidateQueries({ queryKey: blocKeys.all });
                  }}
                />
              </section>
            )}
            <Tabs
              id="bloc"
              label={t("blocs.tabsLabel")}
              tabs={tabKeys.map((key) => ({ key, label: t(`blocs.tabs.${key}`) }))}
              selected={tab}
              onSelect={selectTab}
            >
              {tab === "members" && <MembersTab bloc={data} canWrite={canWrite} />}
              {tab === "criteria" && <CriteriaTab bloc={data} canWrite={canWrite} />}
              {tab === "quotas" && <QuotasTab bloc={data} canWrite={canWrite} />}
              {tab === "rules" && <BlocRulesTab bloc={data} canWrite={canWrite} />}
            </Tabs>
          </>
        )}
      </QueryState>
    </section>
  );
}
