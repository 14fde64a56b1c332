import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Bloc } from "../../api/blocs.ts";
import { type CriteriaTable, criteriaQuery, criteriaVersionQuery } from "../../api/criteria.ts";
import { CriteriaEditor } from "../criteria/CriteriaEditor.tsx";
import { CriteriaStart } from "../criteria/CriteriaStart.tsx";
import { CriteriaView } from "../criteria/CriteriaView.tsx";
import { QueryState } from "../QueryState.tsx";

/** The bloc's criteria table: the board edits it (each save a new version), everyone reads it and older versions. */
export function CriteriaTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const current = useQuery(criteriaQuery(bloc.blocId));
  // Bumped to throw the draft away and start again from the latest saved version.
  const [draftKey, setDraftKey] = useState(0);
  const [startFrom, setStartFrom] = useState<CriteriaTable>();

  return (
    <QueryState query={current} loading={t("criteria.loading")}>
      {(view) => (
        <>
          <div className="criteria-head">
            <p className="criteria-version" aria-live="polite">
              {view.version > 0 ? t("criteria.currentVersion", { version: view.version }) : t("criteria.none")}
            </p>
            <p className="hint">
              {t("criteria.scaleHint", { total: view.scale.total, bonusMax: view.scale.bonusMax })}
            </p>
          </div>
          {canWrite && view.version === 0 && (
            <CriteriaStart
              blocId={bloc.blocId}
              onStart={(table) => {
                setStartFrom(table);
                setDraftKey((key) => key + 1);
              }}
            />
          )}
          {canWrite ? (
            <CriteriaEditor
              key={draftKey}
              blocId={bloc.blocId}
              view={view}
              startFrom={startFrom}
              onDiscard={() => {
                setStartFrom(undefined);
                setDraftKey((key) => key + 1);
                void current.refetch();
              }}
            />
          ) : view.table ? (
            <CriteriaView
              table={view.table}
              caption={t("criteria.currentVersion", { version: view.version })}
              captionHidden
            />
          ) : (
            <p className="empty">{t("criteria.noneReader")}</p>
          )}
          {view.version > 1 && <OlderVersions blocId={bloc.blocId} latest={view.version} />}
        </>
      )}
    </QueryState>
  );
}

/** Earlier versions, read-only: a bloc-year keeps the version it opened with. */
function OlderVersions({ blocId, latest }: { blocId: string; latest: number }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | null>(null);
  const older = useQuery({ ...criteriaVersionQuery(blocId, version ?? 1), enabled: version !== null });
  const versions = Array.from({ length: latest - 1 }, (_, i) => latest - 1 - i);
  return (
    <section className="card older-versions" aria-labelledby="older-versions-title">
      <h2 id="older-versions-title">{t("criteria.olderTitle")}</h2>
      <div className="year-select">
        <label htmlFor="criteria-older">{t("criteria.olderPick")}</label>
        <select
          id="criteria-older"
          value={version ?? ""}
          onChange={(e) => setVersion(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">{t("criteria.olderNone")}</option>
          {versions.map((v) => (
            <option key={v} value={v}>
              {t("criteria.versionN", { version: v })}
            </option>
          ))}
        </select>
      </div>
      {version !== null && (
        <QueryState query={older} loading={t("criteria.loading")}>
          {(saved) => <CriteriaView table={saved.table} caption={t("criteria.versionN", { version })} />}
        </QueryState>
      )}
    </section>
  );
}
