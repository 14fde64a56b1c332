import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { schemaPath, schemaSource } from "./schema-source.ts";

/** Writes `src/schema.ts` from the OpenAPI document at the path given (`npm run generate` writes it first). */
const [documentPath] = process.argv.slice(2);
if (!documentPath) throw new Error("Usage: tsx scripts/generate.ts <openapi.json>");
const out = fileURLToPath(new URL(`../${schemaPath}`, import.meta.url));
writeFileSync(out, await schemaSource(JSON.parse(readFileSync(documentPath, "utf8"))));
console.log(`Wrote ${out}`);
