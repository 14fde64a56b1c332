import type { Stage } from "./provinces.ts";

/** One colour per stage of the year: grey before launch, blues while under way, green once ranked or closed. */
export const stageColors: Record<Stage, string> = {
  planning: "#c3c8d1",
  registration: "#c7d9f3",
  in_progress: "#9fbde8",
  mid_year_review: "#6f98d6",
  scoring: "#4275be",
  verification: "#1e3a6e",
  ranked: "#5fae84",
  closed: "#1f6f43",
};

/** Award types in turn: the accent red first (the provincial flag, when present, comes first). */
const awardPalette = ["#a3191f", "#d97706", "#1d4ed8", "#1f6f43", "#7c3aed", "#0e7490", "#be185d", "#5b6474"];
export const awardColor = (index: number): string => awardPalette[index % awardPalette.length] ?? "#5b6474";

export const activityColor = "#a3191f";
