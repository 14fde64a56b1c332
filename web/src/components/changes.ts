/**
 * Only the fields the user changed since the form was opened (or last saved). An edit sends just these, so
 * a retry after a 409 keeps what someone else changed meanwhile in the other fields.
 */
export function changedOnly<T extends object>(opened: T, draft: T): Partial<T> {
  const before = opened as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(draft).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  ) as Partial<T>;
}
