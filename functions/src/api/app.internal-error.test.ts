import { configureDb, createClient } from "@thidua/core/db";
import { bearer, operator, testApp } from "@thidua/test/support";
import { expect, it } from "vitest";

it("answers 500 with a request id and no internals when the database is unreachable", async () => {
  // A real fault: nothing listens on port 9 of loopback. This file has its own module state.
  configureDb({ tableName: "thidua-test", client: createClient({ region: "local", endpoint: "http://127.0.0.1:9" }) });
  const logged: unknown[] = [];
  const app = await testApp({ log: (entry) => logged.push(entry) });
  const res = await app.request("/api/tenants", { headers: await bearer(operator) });
  expect(res.status).toBe(500);
  const text = await res.text();
  expect(JSON.parse(text).error).toMatchObject({ code: "internal", requestId: res.headers.get("x-request-id") });
  expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|at /);
  expect(logged).toContainEqual(
    expect.objectContaining({ level: "error", requestId: res.headers.get("x-request-id") }),
  );
});
