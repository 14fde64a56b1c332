import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Participation } from "../../api/cycle.ts";
import { assignScorer } from "../../api/scores.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { usePartMutation } from "../cycle/usePartMutation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { canAssign } from "./sheet.ts";

/** Phân công chấm chéo: who verifies each sheet; the leader's own sheet must go to another member. */
export function ScorerAssignments({ parts }: { parts: readonly Participation[] }) {
  const { t } = useTranslation();
  const { view, viewer, sorted } = useYearScope();
  const byId = new Map(parts.map((p) => [p.unitId, p]));
  const rows = sorted(parts.map((p) => p.unitId)).flatMap((id) => byId.get(id) ?? []);
  if (!rows.some((part) => canAssign(viewer, view.phase, part))) return null;
  return (
    <section className="card" aria-labelledby="scorers-title">
      <h2 id="scorers-title">{t("scores.assign.title")}</h2>
      <p className="hint">{t("scores.assign.hint")}</p>
      <DataTable
        caption={t("scores.assign.title")}
        rows={rows}
        rowKey={(part) => part.unitId}
        columns={[
          { key: "unit", header: t("scores.grid.unit"), cell: (part) => <UnitName part={part} /> },
          { key: "scorer", header: t("scores.grid.scorer"), cell: (part) => <ScorerForm part={part} /> },
        ]}
      />
    </section>
  );
}

function UnitName({ part }: { part: Participation }) {
  const { t } = useTranslation();
  const { name, view, viewer } = useYearScope();
  const needsScorer = part.unitId === viewer.unitId && !part.verification?.scorerUnitId;
  return (
    <>
      {name(part.unitId)}
      {part.unitId === view.year.leaderUnitId && <span className="badge badge-leader">{t("seats.leader")}</span>}
      {needsScorer && <p className="hint">{t("scores.assign.ownNeedsScorer")}</p>}
    </>
  );
}

/** A select and its button: choosing with the arrow keys does not save until asked. */
function ScorerForm({ part }: { part: Participation }) {
  const { t } = useTranslation();
  const { blocId, year, view, viewer, name, sorted } = useYearScope();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const current = part.verification?.scorerUnitId ?? "";
  const [choice, setChoice] = useState(current);
  const [saved, setSaved] = useState(false);
  const save = usePartMutation(
    (scorerUnitId: string | null) => assignScorer(blocId, year, part.unitId, { scorerUnitId, version: part.version }),
    () => setSaved(true),
  );
  if (!canAssign(viewer, view.phase, part)) return <>{current ? name(current) : t("cycle.progress.byLeader")}</>;
  const recused = new Set(part.verification?.recusals.map((r) => r.unitId));
  const candidates = sorted(view.year.memberUnitIds.filter((id) => id !== part.unitId && !recused.has(id)));
  const id = `scorer-${part.unitId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(choice || null);
  };
  const field = fieldsOf(save.error).scorerUnitId;
  const error = save.isError ? (field ? describeCode(field) : describe(save.error)) : undefined;
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t("scores.assign.label", { unit: name(part.unitId) })}
      </label>
      <select
        id={id}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t("scores.assign.leader")}</option>
        {candidates.map((unitId) => (
          <option key={unitId} value={unitId}>
            {name(unitId)}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button-secondary button-small"
        disabled={save.isPending || choice === current}
        aria-busy={save.isPending}
      >
        {t("scores.assign.save")}
        <span className="visually-hidden"> {name(part.unitId)}</span>
      </button>
      {saved && choice === current && (
        <span role="status" className="hint">
          {t("scores.assign.saved")}
        </span>
      )}
      {part.verification?.recusals.map((r) => (
        <p key={`${r.unitId}-${r.at}`} className="hint">
          {t("scores.assign.recused", { unit: name(r.unitId), reason: r.reason })}
        </p>
      ))}
      {error && <p className="field-error">{error}</p>}
    </form>
  );
}
