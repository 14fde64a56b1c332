import { readFileSync } from "node:fs";
import { thiduaClient } from "@thidua/client";
import { schemaPath, schemaSource } from "@thidua/client/schema-source";
import { deployedDocument } from "@thidua/functions/deployed-document";
import { bearer, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

/** The client as an integrator makes it, its requests answered by the app in this process. */
async function clientAs(actor: Parameters<typeof bearer>[0]) {
  const token = (await bearer(actor)).authorization.replace("Bearer ", "");
  return thiduaClient({
    baseUrl: "http://thidua.test",
    token: () => token,
    fetch: async (request) => app.request(request),
  });
}

describe("the typed client for integrators", () => {
  it("is generated from the document a deployment serves (run `npm run generate --workspace @thidua/client`)", async () => {
    const committed = readFileSync(new URL(`../../packages/client/${schemaPath}`, import.meta.url), "utf8");
    expect(
      committed === (await schemaSource(await deployedDocument())),
      "packages/client/src/schema.ts is out of date",
    ).toBe(true);
  });

  it("creates, finds without diacritics and edits a unit; a refusal comes in the one error model", async () => {
    const { board } = await freshTenant("client");
    const api = await clientAs(board);

    const created = await api.POST("/api/units", { body: { name: "Sở Nội vụ", kind: "state_agency" } });
    expect(created.response.status).toBe(201);
    const unitId = created.data?.unitId ?? "";

    const found = await api.GET("/api/units", { params: { query: { q: "so noi vu" } } });
    expect(found.data?.items.map((unit) => unit.name)).toEqual(["Sở Nội vụ"]);

    const renamed = await api.PATCH("/api/units/{unitId}", {
      params: { path: { unitId } },
      body: { name: "Sở Nội vụ tỉnh", version: 1 },
    });
    expect(renamed.data).toMatchObject({ name: "Sở Nội vụ tỉnh", version: 2 });

    const stale = await api.PATCH("/api/units/{unitId}", {
      params: { path: { unitId } },
      body: { name: "Sở Nội vụ cũ", version: 1 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.error.code).toBe("unit.stale");

    // A kind the document does not list is a type error for the integrator, and a 400 naming the field.
    // @ts-expect-error not a kind of unit
    const wrong = await api.POST("/api/units", { body: { name: "Bộ Nội vụ", kind: "ministry" } });
    expect(wrong.error?.error).toMatchObject({ code: "request.invalid", fields: [{ path: "kind" }] });
  });

  it("sends no token when it has none, and is told to sign in", async () => {
    const api = thiduaClient({ baseUrl: "http://thidua.test", fetch: async (request) => app.request(request) });
    const { error, response } = await api.GET("/api/units");
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe("auth.required");
  });
});
