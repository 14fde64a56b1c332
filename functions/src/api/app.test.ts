import { bearer, freshTenant, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it, vi } from "vitest";

const app = await testApp();

describe("API shell", () => {
  it("answers health without a token and tags every response with a request id", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
  });

  it("keeps a request id sent by the caller", async () => {
    const res = await app.request("/api/health", { headers: { "x-request-id": "trace-123456" } });
    expect(res.headers.get("x-request-id")).toBe("trace-123456");
  });

  it("publishes the OpenAPI document (the dashboard renders it)", async () => {
    const doc = await readJson(await app.request("/api/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/tenants/{tenantId}");
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("builds the OpenAPI document once for the process, not on every request", async () => {
    const fresh = await testApp();
    const build = vi.spyOn(fresh, "getOpenAPI31Document");
    const first = await readJson(await fresh.request("/api/openapi.json"));
    const second = await readJson(await fresh.request("/api/openapi.json"));
    // The 405 answer reads the same document.
    expect((await fresh.request("/api/health", { method: "DELETE" })).status).toBe(405);
    expect(build).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
  });

  it("names every operation for generated clients, and describes the document, its server and its tags", async () => {
    const doc = await readJson(await app.request("/api/openapi.json"));
    const operations = Object.values(
      doc.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>,
    ).flatMap((path) => Object.values(path));
    const ids = operations.map((operation) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && /^[a-z]+[A-Za-z]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["listUnits", "saveBlocCriteria", "inviteAccount", "signIn"]));
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(doc.info).toMatchObject({ license: { name: expect.any(String) }, contact: { name: expect.any(String) } });
    const described = new Set((doc.tags as { name: string; description: string }[]).map((tag) => tag.name));
    for (const tag of new Set(operations.flatMap((operation) => operation.tags ?? [])))
      expect(described).toContain(tag);
  });

  it("documents that an edit needs something to change besides its version, as the server refuses", async () => {
    const doc = await readJson(await app.request("/api/openapi.json"));
    const patches = Object.entries(
      doc.paths as Record<
        string,
        { patch?: { requestBody: { content: Record<string, { schema: { minProperties?: number } }> } } }
      >,
    )
      .filter(([, path]) => path.patch)
      .map(([template, path]) => [template, path.patch?.requestBody.content["application/json"]?.schema.minProperties]);
    expect(patches.length).toBeGreaterThanOrEqual(6);
    for (const [template, minProperties] of patches)
      expect({ template, minProperties }).toEqual({ template, minProperties: 2 });
    const { tenantId } = await freshTenant("min");
    const res = await app.request(`/api/tenants/${tenantId}`, {
      method: "PATCH",
      headers: { ...(await bearer(operator)), "content-type": "application/json" },
      body: JSON.stringify({ version: 1 }),
    });
    expect(res.status).toBe(400);
  });

  it("publishes no shared component as nullable, and the rules of sign-in as the server applies them", async () => {
    const doc = await readJson(await app.request("/api/openapi.json"));
    for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, { type?: unknown }>))
      expect({ name, nullable: JSON.stringify(schema.type ?? "").includes("null") }).toEqual({ name, nullable: false });
    expect(doc.components.schemas.CriteriaView.properties.table).toEqual({
      anyOf: [{ $ref: "#/components/schemas/CriteriaTable" }, { type: "null" }],
    });
    // A list the server refuses with a repeat says so.
    const members = doc.paths["/api/blocs/{blocId}/years/{year}/members"].put.requestBody.content["application/json"];
    expect(members.schema.properties.unitIds).toMatchObject({ type: "array", uniqueItems: true });
    const login = doc.paths["/api/auth/local/login"].post.requestBody.content["application/json"].schema;
    expect(login.properties.email).toMatchObject({ type: "string", format: "email" });
    expect(login.properties.password).toMatchObject({ type: "string", minLength: 1 });
  });

  it("bounds everything a request may carry, as the server does: numbers, texts and lists", async () => {
    type Schema = Record<string, unknown> & { $ref?: string; type?: string | string[] };
    const doc = await readJson(await app.request("/api/openapi.json"));
    const unbounded: string[] = [];
    const walk = (schema: Schema | undefined, at: string, seen: Set<string>) => {
      if (!schema) return;
      if (schema.$ref) {
        const name = schema.$ref.split("/").pop() as string;
        if (!seen.has(name)) walk(doc.components.schemas[name], at, new Set([...seen, name]));
        return;
      }
      const types = ([] as unknown[]).concat(schema.type ?? []);
      const missing = (key: string) => schema[key] === undefined;
      if (types.some((t) => t === "number" || t === "integer") && missing("maximum") && missing("exclusiveMaximum"))
        unbounded.push(`${at}: maximum`);
      if (types.includes("string") && missing("maxLength") && missing("enum") && missing("format") && missing("const"))
        unbounded.push(`${at}: maxLength`);
      if (types.includes("array") && missing("maxItems")) unbounded.push(`${at}: maxItems`);
      for (const [key, inner] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
        walk(inner, `${at}.${key}`, seen);
      for (const inner of [schema.items, schema.additionalProperties].filter((x) => typeof x === "object"))
        walk(inner as Schema, `${at}[]`, seen);
      for (const inner of [schema.anyOf, schema.oneOf, schema.allOf].flat().filter(Boolean))
        walk(inner as Schema, at, seen);
    };
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>))
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const body = op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
        walk(body?.content?.["application/json"]?.schema, `${where} body`, new Set());
        for (const p of (op.parameters ?? []) as { in: string; name: string; schema: Schema }[])
          walk(p.schema, `${where} ${p.in}.${p.name}`, new Set());
      }
    expect(unbounded).toEqual([]);
  });

  it("answers 405 with the methods a known path has, and 404 for a path it does not know", async () => {
    const trace = await app.request("/api/health", { method: "DELETE" });
    expect(trace.status).toBe(405);
    expect(trace.headers.get("allow")).toBe("GET");
    expect((await readJson(trace)).error.code).toBe("route.method_not_allowed");
    const unit = await app.request("/api/units/so-noi-vu", { method: "PUT", headers: await bearer(operator) });
    expect(unit.status).toBe(405);
    expect(unit.headers.get("allow")).toBe("DELETE, GET, PATCH");
    expect((await app.request("/api/units/so-noi-vu/extra", { method: "DELETE" })).status).toBe(404);
  });

  it("answers an unknown API route with the error model", async () => {
    const res = await app.request("/api/nowhere");
    expect(res.status).toBe(404);
    const body = await readJson(res);
    expect(body.error).toMatchObject({ code: "route.not_found", requestId: res.headers.get("x-request-id") });
  });

  it("rejects invalid input with 400 and the failing field paths", async () => {
    const res = await app.request("/api/tenants", {
      method: "POST",
      headers: { ...(await bearer(operator)), "content-type": "application/json" },
      body: JSON.stringify({ tenantId: "Quảng Trị", name: 42 }),
    });
    expect(res.status).toBe(400);
    const { error } = await readJson(res);
    expect(error.code).toBe("request.invalid");
    // Well-formed JSON that breaks rules is not "invalid JSON": the message names each field and rule.
    expect(error.message).toMatch(/^The body does not pass its rules: /);
    expect(error.message).toContain("tenantId (invalid_format)");
    expect(error.fields).toContainEqual(expect.objectContaining({ path: "name", rule: "invalid_type" }));
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "boardEmail",
      "boardName",
      "name",
      "tenantId",
    ]);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const res = await app.request("/api/tenants", {
      method: "POST",
      headers: { ...(await bearer(operator)), "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toMatch(/^request\./);
  });

  it("refuses a body over its limit with 413 before reading it, by its length or as it streams", async () => {
    const small = await testApp({ limits: { json: 1024, import: 4096 } });
    const declared = await small.request("/api/auth/local/login", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) },
      body: "{}",
    });
    expect(declared.status).toBe(413);
    expect((await readJson(declared)).error.code).toBe("request.too_large");

    // No length: the body is counted as it arrives, and refused once past the limit.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(512)));
        controller.close();
      },
    });
    const streamed = await small.request("/api/auth/local/login", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: chunks,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);

    // The import takes a larger body than any other route.
    const importing = await small.request("/api/units/import", {
      method: "POST",
      headers: { ...(await bearer(operator)), "content-type": "application/json" },
      body: JSON.stringify({ file: "x".repeat(2000), year: 2025 }),
    });
    expect(importing.status).toBe(403); // past the size check, refused for the role
  });

  it("tells a caller who they are, with the name of their province", async () => {
    const { board, tenantId } = await freshTenant();
    const res = await app.request("/api/me", { headers: await bearer(board) });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ ...board, tenantName: `Tỉnh thử ${tenantId}` });
  });
});
