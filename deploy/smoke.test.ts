import { randomUUID } from "node:crypto";
import { once } from "node:events";
import type { Server } from "node:http";
import type { App } from "@thidua/functions/app";
import { freePort } from "@thidua/local/dynamo";
import { loadLocalConfig } from "@thidua/local/env";
import { type Runtime, startRuntime } from "@thidua/local/runtime";
import { serveLocal } from "@thidua/local/server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { smoke } from "./smoke-run.ts";

/** The smoke test run against the local runtime, which it tells apart from AWS by `/api/auth/config`. */
describe("the smoke test of a running stage", () => {
  let runtime: Runtime;
  const servers: Server[] = [];
  const serve = async (app: App) => {
    const port = await freePort();
    const server = serveLocal({ app, webRoot: "/nonexistent", port, host: "127.0.0.1" }) as Server;
    servers.push(server);
    if (!server.listening) await once(server, "listening");
    return `http://127.0.0.1:${port}`;
  };
  const operator = { operatorEmail: "ops@thidua.local", operatorPassword: "thidua2025" };

  beforeAll(async () => {
    const config = loadLocalConfig(["--in-memory"], {
      DYNAMODB_ENDPOINT: inject("dynamoEndpoint"),
      TABLE_NAME: `smoke-${randomUUID().slice(0, 8)}`,
      DEMO: "none",
    });
    runtime = await startRuntime(config, { log: () => {} });
  });
  afterAll(async () => {
    for (const server of servers) server.close();
    await runtime?.stop();
  });

  it("passes on a sound stage, and leaves its two provinces archived", async () => {
    const url = await serve(runtime.app);
    const result = await smoke({ url, ...operator });
    expect(result.steps.filter((s) => !s.ok)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.steps.map((s) => s.name)).toEqual([
      "GET /api/health answers ok",
      "GET /api/openapi.json is an OpenAPI 3.1 document",
      "GET /api/auth/config names the sign-in",
      "the operator signs in (local)",
      "the operator onboards two fresh provinces",
      "province A's board creates a unit and reads it",
      "province B's board can neither read, list nor change it (404), nor list provinces (403)",
      "clean up: the smoke provinces archived, their accounts removed",
    ]);
    const signIn = await (
      await fetch(`${url}/api/auth/local/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: operator.operatorEmail, password: operator.operatorPassword }),
      })
    ).json();
    const tenants = await (
      await fetch(`${url}/api/tenants`, { headers: { authorization: `Bearer ${signIn.token}` } })
    ).json();
    const left = tenants.items.filter((t: { tenantId: string }) => result.provinces.includes(t.tenantId));
    expect(left.map((t: { status: string }) => t.status)).toEqual(["archived", "archived"]);
  });

  it("fails on a stage where one province reads another's unit, and cleans up all the same", async () => {
    // A stand-in for a broken deploy: a unit another province asks for is answered instead of refused.
    const leaky = new Hono();
    leaky.get("/api/units/:unitId", async (c) => {
      const answer = await runtime.app.fetch(c.req.raw);
      return answer.status === 404 ? c.json({ unitId: c.req.param("unitId") }, 200) : answer;
    });
    leaky.route("/", runtime.app);
    const result = await smoke({ url: await serve(leaky as unknown as App), ...operator });
    expect(result.passed).toBe(false);
    expect(result.steps.find((s) => !s.ok)?.detail).toMatch(/^B reading A's unit: answered 200, expected 404/);
    expect(result.steps.at(-1)).toMatchObject({ name: expect.stringMatching(/^clean up/), ok: true });
  });

  it("stops at the operator's sign-in with a wrong password, creating nothing", async () => {
    const result = await smoke({ url: await serve(runtime.app), ...operator, operatorPassword: "not-the-password" });
    expect(result.passed).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({ name: "the operator signs in (local)", ok: false });
    expect(result.provinces).toEqual([]);
  });
});
