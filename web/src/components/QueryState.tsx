import type { ReactNode } from "react";
import { isApiError } from "../api/client.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Loading } from "./Loading.tsx";
import { NotFound } from "./NotFound.tsx";

/** What QueryState reads of a query (react-query's result, or several combined with `allOf`). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/** Several queries as one: pending while any is, failed when any fails, the data of all once all have it. */
export function allOf<Q extends Record<string, QueryLike<unknown>>>(
  queries: Q,
): QueryLike<{ [K in keyof Q]: NonNullable<Q[K]["data"]> }> {
  const all = Object.values(queries);
  const failed = all.find((query) => query.isError);
  return {
    isPending: all.some((query) => query.isPending),
    isError: failed !== undefined,
    error: failed?.error,
    data: Object.fromEntries(Object.entries(queries).map(([key, query]) => [key, query.data])) as {
      [K in keyof Q]: NonNullable<Q[K]["data"]>;
    },
    refetch: () => Promise.all(all.map((query) => query.refetch())),
  };
}

interface QueryStateProps<T> {
  query: QueryLike<T>;
  /** What is loading, said while it loads ("Đang tải danh sách đơn vị…"). */
  loading: string;
  /** The sentence to show instead of the data when there is nothing to show (none yet, or none matching). */
  empty?: (data: T) => string | false | undefined;
  children: (data: T) => ReactNode;
}

/** One query's states, always the same way: loading, an error with a retry, empty, then the data. */
export function QueryState<T>({ query, loading, empty, children }: QueryStateProps<T>) {
  const describe = useErrorMessage();
  if (query.isPending) return <Loading label={loading} />;
  // A 404 stays a 404 however often it is asked: say so, with the way back, and no "Thử lại".
  if (query.isError && isApiError(query.error) && query.error.status === 404) return <NotFound />;
  if (query.isError) return <ErrorAlert message={describe(query.error)} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  const nothing = empty?.(data);
  if (nothing) return <p className="empty">{nothing}</p>;
  return children(data);
}
