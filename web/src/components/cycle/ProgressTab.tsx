import { DownloadDocument } from "../documents/DownloadDocument.tsx";
import { DeadlinesForm } from "./DeadlinesForm.tsx";
import { NextPhaseCard } from "./NextPhaseCard.tsx";
import { ProgressTable } from "./ProgressTable.tsx";
import { ReopenForm } from "./ReopenForm.tsx";
import { useYearScope } from "./YearContext.tsx";

/** The bloc's progress for everyone; moving on, deadlines and (the board) reopening for those who lead. */
export function ProgressTab() {
  const { viewer, view } = useYearScope();
  return (
    <div className="stack">
      {viewer.leads && <NextPhaseCard />}
      <ProgressTable />
      {/* The registration list once every member has registered; the covenant once all have signed it too. */}
      {view.progress.length > 0 && view.progress.every((p) => p.registered) && (
        <div className="button-row">
          <DownloadDocument kind="registration" />
          {view.progress.every((p) => p.signed) && <DownloadDocument kind="covenant" />}
        </div>
      )}
      {viewer.leads && view.phase !== "closed" && (
        <div className="progress-forms">
          <DeadlinesForm />
          {viewer.role === "board" && <ReopenForm />}
        </div>
      )}
      {viewer.leads && view.phase === "closed" && viewer.role === "board" && <ReopenForm />}
    </div>
  );
}
