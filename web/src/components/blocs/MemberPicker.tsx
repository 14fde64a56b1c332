import { useMutation, useQueryClient } from "@tanstack/react-query";
import { compareVietnamese, matchesSearch } from "@thidua/core/text";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type BlocYear, blocKeys, setMembers } from "../../api/blocs.ts";
import { isStale } from "../../api/client.ts";
import type { Unit } from "../../api/units.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";

/** A searchable checklist of the province's units; saving sets the year's members. */
export function MemberPicker({ blocId, saved, units }: { blocId: string; saved: BlocYear; units: Unit[] }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState(() => new Set(saved.memberUnitIds));
  // A new saved version (this form's save, or the year prepared from the one before) is the new start.
  const savedMembers = saved.memberUnitIds.join();
  useEffect(() => {
    setSelected(new Set(savedMembers ? savedMembers.split(",") : []));
  }, [savedMembers]);
  const [query, setQuery] = useState("");
  const [onlySelected, setOnlySelected] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const year = saved.year;
  const launched = saved.status === "open";

  // An archived unit is offered only where it already is a member (to keep or remove).
  const sorted = useMemo(
    () =>
      units
        .filter((u) => !u.archivedAt || saved.memberUnitIds.includes(u.unitId))
        .sort((a, b) => compareVietnamese(a.name, b.name)),
    [units, saved.memberUnitIds],
  );
  const visible = sorted.filter(
    (unit) =>
      (!onlySelected || selected.has(unit.unitId)) && matchesSearch(`${unit.name} ${unit.shortName ?? ""}`, query),
  );
  const dirty = selected.size !== saved.memberUnitIds.length || saved.memberUnitIds.some((id) => !selected.has(id));

  // A launched year asks first: who joins, who leaves (and which seats go with them), and why.
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [reason, setReason] = useState("");
  const save = useMutation({
    mutationFn: (unitIds: string[]) =>
      setMembers(blocId, year, { unitIds, version: saved.version, ...(launched ? { reason: reason.trim() } : {}) }),
    onSuccess: (blocYear) => {
      setConfirming(null);
      setReason("");
      queryClient.setQueryData(blocKeys.year(blocId, year), blocYear);
      setNotice({ kind: "success", key: "members.saved", values: { count: blocYear.memberUnitIds.length, year } });
    },
    onError: (error) => {
      setNotice(null);
      // Back to the picker, where the reason shows (a unit in another bloc, someone else's save); the
      // reason typed is kept for the next try.
      setConfirming(null);
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
    },
  });

  // `unitIds.2` names the unit sent third: show the reason beside that unit.
  const unitErrors = new Map<string, string>();
  for (const [path, message] of Object.entries(fieldsOf(save.error))) {
    const index = /^unitIds\.(\d+)$/.exec(path)?.[1];
    const unitId = index === undefined ? undefined : save.variables?.[Number(index)];
    if (unitId) unitErrors.set(unitId, describeField(message));
  }
  const named = [...unitErrors.keys()].map((id) => units.find((u) => u.unitId === id)?.name ?? id);

  const toggle = (unitId: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(unitId);
      else next.delete(unitId);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // In the saved order first, then the new ones in list order: the API's error paths index this array.
    const kept = saved.memberUnitIds.filter((id) => selected.has(id));
    const added = sorted.map((unit) => unit.unitId).filter((id) => selected.has(id) && !kept.includes(id));
    if (launched) setConfirming([...kept, ...added]);
    else save.mutate([...kept, ...added]);
  };

  if (confirming)
    return (
      <LaunchedYearChange
        saved={saved}
        unitIds={confirming}
        unitName={(id) => units.find((u) => u.unitId === id)?.name ?? id}
        reason={reason}
        onReason={setReason}
        saving={save.isPending}
        onConfirm={() => save.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      />
    );

  return (
    <form className="card" onSubmit={submit} aria-labelledby="member-picker-title">
      <h2 id="member-picker-title">{t("members.pickTitle", { year })}</h2>
      {save.isError && (
        <ErrorAlert
          message={
            named.length > 0 ? t("members.inOtherBloc", { names: named.join(", "), year }) : describe(save.error)
          }
        />
      )}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <div className="toolbar">
        <Field
          id="member-search"
          type="search"
          label={t("members.search")}
          placeholder={t("tenants.searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} />
          {t("members.onlySelected")}
        </label>
      </div>
      {units.length === 0 ? (
        <p className="empty">{t("members.noUnits")}</p>
      ) : (
        <fieldset className="checklist">
          <legend className="visually-hidden">{t("members.checklistLabel")}</legend>
          {visible.length === 0 && <p className="muted">{t("units.noMatch")}</p>}
          {visible.map((unit) => {
            const error = unitErrors.get(unit.unitId);
            const errorId = `member-${unit.unitId}-error`;
            return (
              <div key={unit.unitId} className={error ? "check-row has-error" : "check-row"}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected.has(unit.unitId)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? errorId : undefined}
                    onChange={(e) => toggle(unit.unitId, e.target.checked)}
                  />
                  {unit.name}
                  <span className="muted"> · {t(`units.kind.${unit.kind}`)}</span>
                  {unit.archivedAt && <span className="badge badge-archived"> {t("units.archivedBadge")}</span>}
                </label>
                {error && (
                  <p id={errorId} className="field-error">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
      <div className="form-footer">
        <p className="count" aria-live="polite">
          {t("members.selected", { count: selected.size })}
        </p>
        <div className="button-row">
          {dirty && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => setSelected(new Set(saved.memberUnitIds))}
            >
              {t("form.undo")}
            </button>
          )}
          <button
            type="submit"
            className="button-primary"
            disabled={!dirty || save.isPending}
            aria-busy={save.isPending}
          >
            {save.isPending ? t("form.saving") : t("members.save")}
          </button>
        </div>
      </div>
    </form>
  );
}

/** Before a launched year's members change: what changes, which seats go, and the reason the trail keeps. */
function LaunchedYearChange({
  saved,
  unitIds,
  unitName,
  reason,
  onReason,
  saving,
  onConfirm,
  onCancel,
}: {
  saved: BlocYear;
  unitIds: string[];
  unitName: (id: string) => string;
  reason: string;
  onReason: (reason: string) => void;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [tried, setTried] = useState(false);
  const joined = unitIds.filter((id) => !saved.memberUnitIds.includes(id));
  const left = saved.memberUnitIds.filter((id) => !unitIds.includes(id));
  const seatOf = (id: string) =>
    id === saved.leaderUnitId ? t("seats.leader") : saved.deputyUnitIds.includes(id) ? t("seats.deputy") : undefined;
  const missing = reason.trim().length < 3;
  return (
    <form
      className="card"
      aria-labelledby="launched-change-title"
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (!missing) onConfirm();
      }}
    >
      <h2 id="launched-change-title">{t("members.launchedTitle", { year: saved.year })}</h2>
      <p>{t("members.launchedIntro", { year: saved.year })}</p>
      {joined.length > 0 && (
        <p>
          <strong>{t("members.joining", { count: joined.length })}</strong> {joined.map(unitName).join(", ")}
        </p>
      )}
      {left.length > 0 && (
        <>
          <p>
            <strong>{t("members.leaving", { count: left.length })}</strong>
          </p>
          <ul>
            {left.map((id) => (
              <li key={id}>
                {unitName(id)}
                {seatOf(id) && <strong> — {t("members.losesSeat", { seat: seatOf(id) })}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      <Field
        id="members-reason"
        label={t("members.reason")}
        hint={t("members.reasonHint")}
        value={reason}
        maxLength={500}
        error={tried && missing ? t("members.reasonRequired") : undefined}
        onChange={(e) => onReason(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving} aria-busy={saving}>
          {saving ? t("form.saving") : t("members.confirmSave")}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("archive.cancel")}
        </button>
      </div>
    </form>
  );
}
