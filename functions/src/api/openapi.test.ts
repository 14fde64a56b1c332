import { describe, expect, it } from "vitest";
import { documentedMethods } from "./openapi.ts";

describe("the methods a documented path has", () => {
  const methodsOf = documentedMethods({
    paths: {
      "/api/units/{unitId}": { get: {}, patch: {} },
      "/api/units/import": { post: {} },
      "/api/auth/local/jwks.json": { get: {} },
    },
  });

  it("matches a template's parameters to one segment each, and its other characters literally", () => {
    expect(methodsOf("/api/units/so-noi-vu")).toEqual(["GET", "PATCH"]);
    // A fixed path beside a parameter: both may match; their methods are merged.
    expect(methodsOf("/api/units/import")).toEqual(["GET", "PATCH", "POST"]);
    expect(methodsOf("/api/units/a/b")).toEqual([]);
    expect(methodsOf("/api/auth/local/jwks.json")).toEqual(["GET"]);
    expect(methodsOf("/api/auth/local/jwksXjson")).toEqual([]);
  });
});
