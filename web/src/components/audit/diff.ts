/** A compact diff of two records, for the audit log: only the fields that changed, as dotted paths. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping every update touches: not what anyone changed.
const noise = new Set(["updatedAt", "createdAt", "version"]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Leaves by dotted path, objects opened up to `depth` levels; arrays stay whole (members, prerequisites). */
function flatten(value: unknown, prefix: string, depth: number, out: Map<string, unknown>) {
  if (isPlainObject(value) && depth > 0) {
    for (const [key, inner] of Object.entries(value)) {
      if (prefix === "" && noise.has(key)) continue;
      flatten(inner, prefix ? `${prefix}.${key}` : key, depth - 1, out);
    }
    // An emptied object (all discipline flags cleared) still shows as a change.
    if (Object.keys(value).length === 0 && prefix) out.set(prefix, value);
  } else if (prefix) out.set(prefix, value);
}

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before, "", 3, a);
  flatten(after, "", 3, b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const blank = (value: unknown) =>
    value === undefined ||
    value === "" ||
    (typeof value === "object" && value !== null && Object.keys(value).length === 0);
  return (
    paths
      .filter((path) => JSON.stringify(a.get(path)) !== JSON.stringify(b.get(path)))
      // Nothing before and nothing after (a new unit's empty discipline): not worth a line.
      .filter((path) => !(blank(a.get(path)) && blank(b.get(path))))
      .map((path) => ({ path, before: a.get(path), after: b.get(path) }))
  );
}
