import { useTranslation } from "react-i18next";
import type { EvidenceFile, TableLine } from "../../api/scores.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { EvidenceFiles } from "./EvidenceFiles.tsx";
import { LinksEditor } from "./LinksEditor.tsx";
import { formatPoints } from "./points.ts";
import type { LineText } from "./sheet.ts";
import type { LineDraft } from "./sheetDraft.ts";

const NOTE_MAX = 2000;

interface LineEditorProps {
  unitId: string;
  line: TableLine;
  text: LineText | undefined;
  draft: LineDraft;
  onChange: (draft: LineDraft) => void;
  files: readonly EvidenceFile[];
  /** Problems of this line, in words, by field ("" for the line as a whole). */
  problems: Partial<Record<"points" | "note" | "links" | "evidence" | "", string>>;
}

/** One line of the self-scoring form: what it asks, the points (decimal comma accepted), why, and the evidence. */
export function LineEditor({ unitId, line, text, draft, onChange, files, problems }: LineEditorProps) {
  const { t, i18n } = useTranslation();
  const base = `score-${line.id}`;
  const lineName = t(`scores.sheet.lineName.${line.kind}`, { id: line.id });
  const errorOf = (field: keyof LineEditorProps["problems"]) =>
    problems[field] ? (
      <p id={`${base}-${field || "line"}-error`} className="field-error">
        {problems[field]}
      </p>
    ) : null;
  const lineError = problems[""] ?? problems.evidence;
  return (
    <fieldset id={`line-${line.id}`} className={lineError ? "score-line has-error" : "score-line"}>
      <legend>
        <span className="criterion-number">{line.id}</span> {text?.title ?? line.id}
      </legend>
      <p className="score-line-meta">
        <span>{t(`scores.sheet.max.${line.kind}`, { points: formatPoints(line.maxPoints, i18n.language) })}</span>
        {line.weight !== 1 && (
          <span>{t("scores.sheet.weight", { weight: formatPoints(line.weight, i18n.language) })}</span>
        )}
        {line.evidenceRequired && <span className="badge badge-evidence">{t("scores.sheet.evidenceRequired")}</span>}
      </p>
      {text?.guidance && <p className="hint pre-line">{text.guidance}</p>}
      {lineError && (
        <p className="field-error" id={`${base}-line-error`}>
          {lineError}
        </p>
      )}
      <div className="score-line-fields">
        <div className="field points">
          <label htmlFor={`${base}-points`}>
            {t(`scores.sheet.points.${line.kind}`)}
            <span className="visually-hidden"> {lineName}</span>
          </label>
          <input
            id={`${base}-points`}
            inputMode="decimal"
            autoComplete="off"
            placeholder={t("scores.sheet.pointsPlaceholder")}
            value={draft.points}
            aria-invalid={problems.points ? true : undefined}
            aria-describedby={problems.points ? `${base}-points-error` : undefined}
            onChange={(e) => onChange({ ...draft, points: e.target.value })}
          />
          {errorOf("points")}
        </div>
        <div className="field grow-field">
          <label htmlFor={`${base}-note`}>
            {t(line.kind === "criterion" ? "scores.sheet.note" : "scores.sheet.reason")}
            <span className="visually-hidden"> {lineName}</span>
          </label>
          <CountedTextarea
            id={`${base}-note`}
            rows={2}
            max={NOTE_MAX}
            value={draft.note}
            aria-invalid={problems.note ? true : undefined}
            describedBy={problems.note ? `${base}-note-error` : undefined}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
          {errorOf("note")}
        </div>
        <div className="score-evidence">
          <EvidenceFiles
            unitId={unitId}
            lineId={line.id}
            lineName={lineName}
            files={files}
            editable
            required={line.evidenceRequired}
          />
          <LinksEditor
            base={base}
            lineName={lineName}
            links={draft.links}
            onChange={(links) => onChange({ ...draft, links })}
            error={problems.links}
          />
        </div>
      </div>
    </fieldset>
  );
}
