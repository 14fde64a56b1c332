import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/*
 * Every answer a test reads is checked against the OpenAPI document: the status is documented for its
 * operation, and the body fits the schema the document gives for it. A route that answers more, less or
 * otherwise than it documents fails the test that called it.
 */

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The document's references made absolute, so one schema can point into another. */
const absolute = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(absolute);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `doc${value}` : absolute(value),
    ]),
  );
};

/** Answers checked against the document in this worker, for the suites' records. */
export const conformance = { checked: 0 };

/** A checker for one API's answers: `check(method, path, status, body)` throws what does not conform. */
export function conformanceOf(doc: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: "doc", components: absolute(doc.components ?? {}) });
  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const compiled = new Map<string, ValidateFunction>();

  return function check(method: string, url: string, status: number, body: unknown) {
    const path = url.split("?")[0] as string;
    // A fixed path beside a parameter (`/units/import`, `/units/{unitId}`): the fixed one is the route.
    const candidates = templates.filter((t) => t.pattern.test(path) && doc.paths[t.template]?.[method.toLowerCase()]);
    const found = candidates.find((t) => !t.template.includes("{")) ?? candidates[0];
    if (!found) return; // not a documented operation: the API's 404/405 answer, checked by their own tests
    const operation = doc.paths[found.template]?.[method.toLowerCase()] as Operation;
    const response = operation.responses?.[String(status)];
    const where = `${method} ${found.template} → ${status}`;
    conformance.checked++;
    if (!response) throw new Error(`${where}: the document does not list this status`);
    const schema = response.content?.["application/json"]?.schema;
    if (!schema) return; // documented without a JSON body (204, a file)
    const key = `${where}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(absolute(schema) as Schema);
      compiled.set(key, validate);
    }
    if (!validate(body))
      throw new Error(`${where}: the answer does not fit the document: ${ajv.errorsText(validate.errors)}`);
  };
}

/**
 * A checker of what a client sends: `check(schema, value)` answers why the value does not fit one of the
 * document's request schemas (formats checked too, as a generated client's validator would), or nothing.
 */
export function requestCheckerOf(doc: Document) {
  // Decimal steps (`multipleOf: 0.01`) checked as a client would, not in binary fractions.
  const ajv = new Ajv2020({ strict: false, allErrors: true, multipleOfPrecision: 9 });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: absolute(doc.components ?? {}) });
  const compiled = new Map<object, ValidateFunction>();
  return function check(schema: object, value: unknown): string | undefined {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(absolute(schema) as Schema);
      compiled.set(schema, validate);
    }
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}
