import { useQuery, useQueryClient } from "@tanstack/react-query";
import { compareVietnamese, matchesSearch } from "@thidua/core/text";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { archiveUnit, deleteUnit, type Unit, type UnitKind, unitKeys, unitKinds, unitsQuery } from "../api/units.ts";
import { ArchivePanel } from "../components/ArchivePanel.tsx";
import { Field } from "../components/Field.tsx";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { Pagination, pageOf } from "../components/Pagination.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { SelectField } from "../components/SelectField.tsx";
import { AwardHistoryDialog } from "../components/units/AwardHistoryDialog.tsx";
import { DisciplineEditor } from "../components/units/DisciplineEditor.tsx";
import { ImportPanel } from "../components/units/ImportPanel.tsx";
import { UnitForm } from "../components/units/UnitForm.tsx";
import { UnitTable } from "../components/units/UnitTable.tsx";

/** The province's member units: search without diacritics, filter by kind, add, edit, discipline flags. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useQuery(unitsQuery());
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [kind, setKind] = useState<UnitKind | "">("");
  const [showArchived, setShowArchived] = useState(false);
  const [page, setPage] = useState(1);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [importing, setImporting] = useState(false);
  const [awardsOf, setAwardsOf] = useState<Unit | null>(null);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  // Always the latest copy (its version especially), whatever was clicked.
  const editing = units.data?.find((unit) => unit.unitId === editingId);

  const visible = useMemo(
    () =>
      (units.data ?? [])
        .filter(
          (unit) =>
            (showArchived || !unit.archivedAt) &&
            (kind === "" || unit.kind === kind) &&
            matchesSearch(`${unit.name} ${unit.shortName ?? ""}`, query),
        )
        .sort((a, b) => compareVietnamese(a.name, b.name)),
    [units.data, query, kind, showArchived],
  );
  const shown = pageOf(visible, page);

  const body = (
    <QueryState
      query={units}
      loading={t("units.loading")}
      empty={(all) => (all.length === 0 ? t("units.empty") : visible.length === 0 && t("units.noMatch"))}
    >
      {() => (
        <>
          <UnitTable
            units={shown.rows}
            selectedId={editingId ?? undefined}
            onEdit={(unit) => {
              setEditingId(unit.unitId);
              setNotice(null);
            }}
            onAwards={setAwardsOf}
          />
          {awardsOf && <AwardHistoryDialog unit={awardsOf} onClose={() => setAwardsOf(null)} />}
          <Pagination page={shown.page} pages={shown.pages} onPage={setPage} />
        </>
      )}
    </QueryState>
  );

  return (
    <section className="page">
      <h1>{t("units.title")}</h1>
      <p className="lead">{t("units.intro")}</p>
      {importing && (
        <div id="unit-import">
          <ImportPanel
            onClose={() => {
              setImporting(false);
              importButtonRef.current?.focus();
            }}
          />
        </div>
      )}
      <div className="split">
        <div className="card">
          <div className="toolbar">
            <Field
              id="unit-search"
              type="search"
              label={t("units.search")}
              placeholder={t("tenants.searchPlaceholder")}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setPage(1);
              }}
            />
            <SelectField
              id="unit-kind-filter"
              label={t("units.kindFilter")}
              value={kind}
              options={[
                { value: "", label: t("units.allKinds") },
                ...unitKinds.map((k) => ({ value: k, label: t(`units.kind.${k}`) })),
              ]}
              onChange={(e) => {
                setKind(e.target.value as UnitKind | "");
                setPage(1);
              }}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={showArchived}
                onChange={(e) => {
                  setShowArchived(e.target.checked);
                  setPage(1);
                }}
              />
              {t("units.showArchived")}
            </label>
            <button
              ref={importButtonRef}
              type="button"
              className="button-secondary"
              aria-expanded={importing}
              aria-controls={importing ? "unit-import" : undefined}
              onClick={() => setImporting(!importing)}
            >
              {t("units.import")}
            </button>
          </div>
          {units.data && (
            <p className="count" aria-live="polite">
              {t("units.count", { count: visible.length })}
            </p>
          )}
          {body}
        </div>
        <div className="card side-card">
          <h2>{editing ? t("units.editTitle") : t("units.addTitle")}</h2>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {editing ? (
            <>
              <UnitForm
                key={editing.unitId}
                unit={editing}
                onSaved={(unit) => setNotice({ kind: "success", key: "units.saved", values: { name: unit.name } })}
                onCancel={() => setEditingId(null)}
              />
              <DisciplineEditor key={`d-${editing.unitId}`} unit={editing} />
              <ArchivePanel
                key={`a-${editing.unitId}`}
                what="unit"
                name={editing.name}
                archivedAt={editing.archivedAt}
                archive={(archived) => archiveUnit(editing, archived)}
                remove={() => deleteUnit(editing)}
                onStale={() => void queryClient.invalidateQueries({ queryKey: unitKeys.all })}
                onDone={(outcome) => {
                  setNotice({ kind: "success", key: `archive.unit.${outcome}`, values: { name: editing.name } });
                  if (outcome === "deleted") setEditingId(null);
                  void queryClient.invalidateQueries({ queryKey: unitKeys.all });
                }}
              />
            </>
          ) : (
            <UnitForm
              onSaved={(unit) => setNotice({ kind: "success", key: "units.added", values: { name: unit.name } })}
            />
          )}
        </div>
      </div>
    </section>
  );
}
