import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

/** Where the generated types live, from this package's root. */
export const schemaPath = "src/schema.ts";

/** The TypeScript types of an OpenAPI document, as `src/schema.ts` holds them. */
export async function schemaSource(document: object): Promise<string> {
  const nodes = await openapiTS(document as OpenAPI3, { alphabetize: true });
  return [
    "// Generated from the API's OpenAPI document by `npm run generate --workspace @thidua/client`: do not edit.",
    "// A test fails when the document and this file differ.",
    "",
    astToString(nodes),
  ].join("\n");
}
