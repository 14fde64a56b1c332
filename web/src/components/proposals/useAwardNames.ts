import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type AwardType, awardTypesQuery } from "../../api/awardTypes.ts";

/** The province's award types, with each one's name by id (its id when the list does not know it) and their order. */
export function useAwardNames() {
  const query = useQuery(awardTypesQuery());
  const names = useMemo(() => {
    const types: AwardType[] = query.data ?? [];
    const byId = new Map(types.map((type, index) => [type.awardTypeId, { type, index }]));
    return {
      types,
      type: (id: string) => byId.get(id)?.type,
      name: (id: string) => byId.get(id)?.type.name ?? id,
      /** The province's order of award types; unknown ones last. */
      compare: (a: string, b: string) => (byId.get(a)?.index ?? 1e9) - (byId.get(b)?.index ?? 1e9),
    };
  }, [query.data]);
  return { query, ...names };
}
