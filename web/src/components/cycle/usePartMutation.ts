import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Participation } from "../../api/cycle.ts";
import { showPart } from "../../api/scores.ts";
import { useRefreshOnConflict, useYearScope } from "./YearContext.tsx";

/**
 * A write on one member's part: the part it answers is shown at once (its new version with it), and a
 * refusal because the year moved refreshes the year.
 */
export function usePartMutation<V>(
  mutationFn: (variables: V) => Promise<Participation>,
  onDone?: (part: Participation, variables: V) => void,
) {
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const refresh = useRefreshOnConflict(blocId, year);
  return useMutation({
    mutationFn,
    onSuccess: (part, variables) => {
      showPart(queryClient, blocId, year, part);
      onDone?.(part, variables);
    },
    onError: refresh,
  });
}
