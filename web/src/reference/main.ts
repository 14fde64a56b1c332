import { apiBase } from "../api/base.ts";

/** Swagger UI's bundle, loaded by the page before this module, as a global. */
declare const SwaggerUIBundle: (options: Record<string, unknown>) => unknown;

// The API reference, from the API's own OpenAPI document; "Try it out" calls the same API.
SwaggerUIBundle({
  url: `${apiBase}/api/openapi.json`,
  dom_id: "#reference",
  deepLinking: true,
  tryItOutEnabled: false,
});
