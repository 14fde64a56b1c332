import { useQueryClient } from "@tanstack/react-query";
import { compareVietnamese } from "@thidua/core/text";
import { createContext, useContext } from "react";
import { blocKeys } from "../../api/blocs.ts";
import { isApiError } from "../../api/client.ts";
import type { CycleView } from "../../api/cycle.ts";
import type { Unit } from "../../api/units.ts";
import type { Viewer } from "../scores/sheet.ts";

/** The launched year a page shows, and who looks at it: what every part of the year page reads. */
export interface YearScope {
  blocId: string;
  year: number;
  view: CycleView;
  viewer: Viewer;
  /** A unit's name (its id if the province's list does not have it). */
  name: (unitId: string) => string;
  /** Unit ids in Vietnamese order of their names. */
  sorted: (unitIds: readonly string[]) => string[];
  units: ReadonlyMap<string, Unit>;
}

const YearScopeContext = createContext<YearScope | null>(null);
export const YearScopeProvider = YearScopeContext.Provider;

export function useYearScope(): YearScope {
  const scope = useContext(YearScopeContext);
  if (!scope) throw new Error("useYearScope needs YearScopeProvider above it");
  return scope;
}

export function yearScopeOf(
  blocId: string,
  year: number,
  view: CycleView,
  viewer: Viewer,
  units: readonly Unit[],
): YearScope {
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  return {
    blocId,
    year,
    view,
    viewer,
    name,
    sorted: (ids) => [...ids].sort((a, b) => compareVietnamese(name(a), name(b))),
    units: byId,
  };
}

/** After a refused write (someone moved first, or it is gone), the year is read again so a retry can pass. */
export function useRefreshOnConflict(blocId: string, year: number): (error: unknown) => void {
  const queryClient = useQueryClient();
  return (error) => {
    if (isApiError(error) && (error.status === 409 || error.status === 404))
      void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
  };
}
