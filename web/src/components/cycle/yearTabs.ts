import type { CycleView } from "../../api/cycle.ts";
import type { Viewer } from "../scores/sheet.ts";
import { reached } from "./phaseOrder.ts";

export type YearTab = "unit" | "progress" | "summary" | "scores" | "ranking" | "conference" | "proposals";

/**
 * The tabs a viewer has in a launched year: a member unit its own part; everyone the bloc's progress;
 * those who lead the summary from the mid-year review; the grid once scoring starts (a cross-scorer its
 * assigned sheets); the ranking as soon as those who lead may read it, for everyone once ranked; then
 * the year-end conference (ballots) and the bloc's proposals, for everyone.
 */
export function yearTabsOf(view: Pick<CycleView, "phase" | "participations" | "you">, viewer: Viewer): YearTab[] {
  const { phase } = view;
  const seesAll = viewer.leads || viewer.role === "council";
  const assigned = view.participations.some(
    (p) => p.unitId !== viewer.unitId && p.verification?.scorerUnitId === viewer.unitId,
  );
  const tabs: YearTab[] = [];
  if (view.you.unitId) tabs.push("unit");
  tabs.push("progress");
  if (viewer.leads && reached(phase, "mid_year_review")) tabs.push("summary");
  if (reached(phase, "scoring") && (seesAll || assigned)) tabs.push("scores");
  if ((seesAll && reached(phase, "verification")) || reached(phase, "ranked")) tabs.push("ranking");
  if (reached(phase, "ranked")) tabs.push("conference", "proposals");
  return tabs;
}
