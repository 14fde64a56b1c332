import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor } from "../actor.ts";
import { createTenant } from "../tenant/index.ts";
import { createUnit } from "../unit/index.ts";
import { bindTenant, TENANT_KEY_TEMPLATE, tenantKeyProblems } from "./bind.ts";
import { nationalSchemas } from "./national.ts";
import { platformSchemas } from "./platform.ts";
import { tenantSchemas } from "./province.ts";
import { provinceScope } from "./scope.ts";

const operator: Actor = { userId: "op", email: "op@tw.vn", name: "Quản trị", role: "operator" };
const boardOf = (tenantId: string): Actor => ({ userId: "b", email: "b@t.vn", name: "Ban", role: "board", tenantId });

type Keys = { pk: { template?: string }; sk?: { template?: string } };
const partitionTemplates = (schema: { indexes: Record<string, Keys> }) =>
  Object.values(schema.indexes).map((index) => index.pk.template ?? "");

/** Every `…Schema` exported by an entity file of core. */
async function declaredSchemas() {
  const root = join(import.meta.dirname, "..");
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".entity.ts"));
  const found = new Map<string, unknown>();
  for (const file of files) {
    const module: Record<string, unknown> = await import(join(root, file));
    for (const [name, value] of Object.entries(module)) if (name.endsWith("Schema")) found.set(name, value);
  }
  return found;
}

describe("the single table's key spaces", () => {
  it("keys every tenant entity, in the table and every index, under T#${tenantId}#", () => {
    for (const schema of Object.values(tenantSchemas)) {
      expect(tenantKeyProblems(schema)).toEqual([]);
      for (const template of partitionTemplates(schema)) expect(template.startsWith(TENANT_KEY_TEMPLATE)).toBe(true);
    }
  });

  it("keys platform entities under P# and national ones under N#, never under T#", () => {
    for (const schema of Object.values(platformSchemas))
      for (const template of partitionTemplates(schema)) expect(template).toMatch(/^P#/);
    for (const schema of Object.values(nationalSchemas))
      for (const template of partitionTemplates(schema)) expect(template).toMatch(/^N#/);
  });

  it("knows every entity schema core declares, in exactly one key space", async () => {
    const registered = [tenantSchemas, platformSchemas, nationalSchemas].flatMap((r) => Object.values(r));
    const declared = [...(await declaredSchemas()).values()];
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(registered).size).toBe(registered.length);
    expect(new Set(declared)).toEqual(new Set(registered));
  });

  it("refuses to bind a schema to anything but a province id, or a schema whose keys do not carry the tenant", () => {
    const { unit } = tenantSchemas;
    for (const id of ["", "a#b", "${tenantId}", "An-Giang", "an--giang"]) expect(() => bindTenant(unit, id)).toThrow();
    const stray = {
      ...unit,
      indexes: { byId: { ...unit.indexes.byId, pk: { ...unit.indexes.byId.pk, template: "UNITS" } } },
    };
    expect(() => bindTenant(stray, "an-giang")).toThrow(/must start with/);
  });
});

describe("a province scope", () => {
  it("reaches only the actor's province, even when a key names another one", async () => {
    const [a, b] = ["scope-a", "scope-b"].map((l) => `${l}-${crypto.randomUUID().slice(0, 8)}`) as [string, string];
    for (const tenantId of [a, b]) await createTenant(operator, { tenantId, name: `Tỉnh ${tenantId}` });
    const unit = await createUnit(boardOf(a), { name: "Sở Nội vụ", kind: "state_agency" });

    const { db } = provinceScope(boardOf(b), ["board"]);
    // @ts-expect-error: a bound entity has no tenant to name
    expect((await db.unit.get({ tenantId: a, unitId: unit.unitId }).go()).data).toBeNull();
    // Not even through an object the type checker cannot see into.
    const smuggled = JSON.parse(JSON.stringify({ tenantId: a, unitId: unit.unitId }));
    expect((await db.unit.get(smuggled).go()).data).toBeNull();
    expect((await provinceScope(boardOf(a), ["board"]).db.unit.get({ unitId: unit.unitId }).go()).data?.name).toBe(
      "Sở Nội vụ",
    );
  });

  it("is refused to roles outside the list and to accounts without a province", () => {
    expect(() => provinceScope({ ...boardOf("an-giang"), role: "unit" }, ["board"])).toThrow(
      expect.objectContaining({ code: "auth.forbidden_role" }),
    );
    expect(() => provinceScope(operator, ["operator"])).toThrow(expect.objectContaining({ code: "actor.no_tenant" }));
  });
});
