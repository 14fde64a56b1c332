import type { QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * Shows a saved item in its cached list at once (a second edit must send its new version), in place of
 * the copy it replaces, then refetches the list for whatever else changed.
 */
export function showSaved<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  saved: T,
  isSame: (item: T) => boolean,
  order?: (a: T, b: T) => number,
) {
  queryClient.setQueryData(queryKey, (list: T[] | undefined) => {
    if (!list) return list;
    const next = [...list.filter((item) => !isSame(item)), saved];
    return order ? next.sort(order) : next;
  });
  void queryClient.invalidateQueries({ queryKey });
}
