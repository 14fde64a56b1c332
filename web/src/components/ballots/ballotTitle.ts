import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { awardTypesQuery } from "../../api/awardTypes.ts";
import type { Ballot } from "../../api/ballots.ts";
import { servingYear } from "./rounds.ts";

/**
 * A ballot as a question: "Bầu đơn vị dẫn đầu khối năm 2025", "Bầu Khối trưởng năm 2026 (vòng 2)"; an
 * award ballot names its award type (its id while the list loads).
 */
export function useBallotTitle(year: number): (ballot: Pick<Ballot, "kind" | "awardTypeId" | "round">) => string {
  const { t } = useTranslation();
  const types = useQuery(awardTypesQuery()).data;
  return useCallback(
    (ballot) => {
      const award = types?.find((a) => a.awardTypeId === ballot.awardTypeId)?.name ?? ballot.awardTypeId ?? "";
      const title = t(`ballots.title.${ballot.kind}`, { year: servingYear(ballot.kind, year), award });
      return ballot.round > 1 ? t("ballots.withRound", { title, round: ballot.round }) : title;
    },
    [t, types, year],
  );
}
