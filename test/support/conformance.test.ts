import { describe, expect, it } from "vitest";
import { conformanceOf } from "./conformance.ts";

const check = conformanceOf({
  paths: {
    "/api/units/{unitId}": {
      get: {
        responses: {
          200: { content: { "application/json": { schema: { $ref: "#/components/schemas/Unit" } } } },
          404: { content: { "application/json": { schema: { type: "object", required: ["error"] } } } },
        },
      },
    },
    "/api/units/import": { get: { responses: { 200: {} } } },
  },
  components: {
    schemas: {
      Unit: {
        type: "object",
        required: ["unitId", "name"],
        properties: { unitId: { type: "string" }, name: { type: "string", maxLength: 5 } },
      },
    },
  },
});

describe("answers checked against the OpenAPI document", () => {
  it("passes an answer that fits, through the document's references", () => {
    expect(() => check("GET", "/api/units/so-noi-vu?x=1", 200, { unitId: "a", name: "Sở" })).not.toThrow();
    expect(() => check("GET", "/api/units/khong-co", 404, { error: {} })).not.toThrow();
  });

  it("refuses a body that does not fit, and a status the operation does not list", () => {
    expect(() => check("GET", "/api/units/a", 200, { unitId: "a", name: "Quá dài" })).toThrow(/does not fit/);
    expect(() => check("GET", "/api/units/a", 200, { unitId: "a" })).toThrow(/does not fit/);
    expect(() => check("GET", "/api/units/a", 500, { error: {} })).toThrow(/does not list this status/);
  });

  it("reads a fixed path as itself, not as a parameter's value, and leaves undocumented routes alone", () => {
    expect(() => check("GET", "/api/units/import", 200, "a file")).not.toThrow();
    expect(() => check("DELETE", "/api/nowhere", 404, {})).not.toThrow();
  });
});
