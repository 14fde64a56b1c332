import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deployedDocument } from "../src/api/deployed-document.ts";

/** Writes the API's OpenAPI document to the path given: for the OpenAPI linter and for generating clients. */
const [out] = process.argv.slice(2);
if (!out) throw new Error("Usage: tsx functions/scripts/openapi-document.ts <out.json>");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(await deployedDocument(), null, 2)}\n`);
