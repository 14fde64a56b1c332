import { keyPrefix } from "./table.ts";

/**
 * Binds a tenant entity's schema to one province. Tenant schemas declare their
 * keys as `T#${tenantId}#…` with `tenantId` as a composite attribute; the bound
 * copy has the province's id written into every key template and no `tenantId`
 * attribute left, so an operation through it cannot name another province: the
 * key it builds is the bound one, whatever the caller passes.
 */

/** What every tenant key (table and indexes) starts with, before binding: `T#${tenantId}#`. */
export const TENANT_KEY_TEMPLATE = keyPrefix.tenant("${tenantId}");

/** A province id as it may appear in a key: a lowercase slug, never a `#` or a template. */
const SAFE_TENANT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type WithoutTenant<T> = T extends readonly [infer H, ...infer R]
  ? H extends "tenantId"
    ? WithoutTenant<R>
    : readonly [H, ...WithoutTenant<R>]
  : readonly [];
type BoundKey<K> = K extends { composite: infer C }
  ? Omit<K, "composite"> & { readonly composite: WithoutTenant<C> }
  : K;
type BoundIndex<I> = { [P in keyof I]: P extends "pk" | "sk" ? BoundKey<I[P]> : I[P] };

export interface SchemaShape {
  model: { entity: string };
  attributes: { tenantId?: unknown };
  indexes: Record<string, { pk: KeyShape; sk?: KeyShape; index?: string }>;
}
interface KeyShape {
  field: string;
  composite: readonly string[];
  template?: string;
}

/** The type of a schema bound to one province: no `tenantId` attribute, no `tenantId` in any key. */
export type Bound<S extends SchemaShape> = {
  [P in keyof S]: P extends "attributes"
    ? Omit<S["attributes"], "tenantId">
    : P extends "indexes"
      ? { [I in keyof S["indexes"]]: BoundIndex<S["indexes"][I]> }
      : S[P];
};

/** Problems with a tenant schema's keys; empty when every partition key starts with `T#${tenantId}#`. */
export function tenantKeyProblems(schema: SchemaShape): string[] {
  return Object.entries(schema.indexes).flatMap(([name, index]) => {
    const where = `${schema.model.entity}.${name}`;
    const problems: string[] = [];
    if (!index.pk.template?.startsWith(TENANT_KEY_TEMPLATE))
      problems.push(`${where}: partition key must start with ${TENANT_KEY_TEMPLATE}`);
    if (index.pk.composite[0] !== "tenantId") problems.push(`${where}: tenantId must be the first composite`);
    if (index.sk?.template?.includes("${tenantId}") || index.sk?.composite.includes("tenantId"))
      problems.push(`${where}: the sort key must not hold the tenant`);
    return problems;
  });
}

export function bindTenant<S extends SchemaShape>(schema: S, tenantId: string): Bound<S> {
  if (!SAFE_TENANT_ID.test(tenantId)) throw new Error(`Not a province id: ${JSON.stringify(tenantId)}`);
  const problems = tenantKeyProblems(schema);
  if (problems.length) throw new Error(problems.join("; "));
  const bindKey = (key: KeyShape): KeyShape => ({
    ...key,
    composite: key.composite.filter((c) => c !== "tenantId"),
    ...(key.template ? { template: key.template.replaceAll("${tenantId}", tenantId) } : {}),
  });
  const { tenantId: _dropped, ...attributes } = schema.attributes;
  const indexes = Object.fromEntries(
    Object.entries(schema.indexes).map(([name, index]) => [
      name,
      { ...index, pk: bindKey(index.pk), ...(index.sk ? { sk: bindKey(index.sk) } : {}) },
    ]),
  );
  return { ...schema, attributes, indexes } as unknown as Bound<S>;
}
