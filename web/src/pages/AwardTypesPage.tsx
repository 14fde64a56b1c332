import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type AwardType, awardTypeKeys, awardTypesQuery, deleteAwardType } from "../api/awardTypes.ts";
import { ArchivePanel } from "../components/ArchivePanel.tsx";
import { AwardTypeForm } from "../components/awards/AwardTypeForm.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { EditButton } from "../components/EditButton.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { QueryState } from "../components/QueryState.tsx";

/** Danh hiệu, hình thức khen thưởng: the province's titles and awards, built-in ones included, in their order. */
export function AwardTypesPage() {
  const { t } = useTranslation();
  const awardTypes = useQuery(awardTypesQuery());
  const queryClient = useQueryClient();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const all = awardTypes.data ?? [];
  const editing = all.find((type) => type.awardTypeId === editingId);
  const nameOf = (id: string) => all.find((type) => type.awardTypeId === id)?.name ?? id;
  const saved = (type: AwardType) => setNotice({ kind: "success", key: "awards.saved", values: { name: type.name } });

  const body = (
    <QueryState
      query={awardTypes}
      loading={t("awards.loading")}
      empty={(types) => types.length === 0 && t("awards.empty")}
    >
      {(types) => (
        <DataTable
          caption={t("awards.listLabel")}
          rows={types}
          rowKey={(type) => type.awardTypeId}
          rowProps={(type) => (type.active ? {} : { className: "inactive" })}
          columns={[
            {
              key: "name",
              header: t("awards.name"),
              cell: (type) => (
                <>
                  {type.name} {type.builtIn && <span className="badge badge-builtin">{t("awards.builtIn")}</span>}{" "}
                  {type.leaderOnly && <span className="badge badge-leader">{t("awards.leaderOnlyBadge")}</span>}{" "}
                  {!type.active && <span className="badge badge-suspended">{t("awards.inactive")}</span>}
                </>
              ),
            },
            { key: "level", header: t("awards.level"), cell: (type) => t(`awards.levels.${type.level}`) },
            {
              key: "prerequisites",
              header: t("awards.prerequisites"),
              cell: (type) =>
                type.prerequisites.length > 0 ? (
                  type.prerequisites.map(nameOf).join("; ")
                ) : (
                  <span className="muted">—</span>
                ),
            },
            {
              key: "actions",
              kind: "actions",
              header: <span className="visually-hidden">{t("units.actions")}</span>,
              cell: (type) => (
                <EditButton
                  label={t("awards.editNamed", { name: type.name })}
                  onClick={() => {
                    setEditingId(type.awardTypeId);
                    setNotice(null);
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </QueryState>
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
          {editing && !editing.builtIn && (
            <ArchivePanel
              key={`d-${editing.awardTypeId}`}
              what="awardType"
              name={editing.name}
              remove={() => deleteAwardType(editing)}
              onStale={() => void queryClient.invalidateQueries({ queryKey: awardTypeKeys.all })}
              onDone={() => {
                setNotice({ kind: "success", key: "archive.awardType.deleted", values: { name: editing.name } });
                setEditingId(null);
                void queryClient.invalidateQueries({ queryKey: awardTypeKeys.all });
              }}
            />
          )}
        </section>
      </div>
    </section>
  );
}
