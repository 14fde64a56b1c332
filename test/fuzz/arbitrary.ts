import { textPattern } from "@thidua/core/text";
import fc from "fast-check";
import type { Schema } from "../isolation/openapi-routes.ts";

/*
 * Values that a JSON Schema of the OpenAPI document accepts, as fast-check arbitraries: what a client
 * generated from the document may send. Text fields (their `pattern` is core's text pattern) follow the
 * rule their description states: lengths count after normalisation, so the generator makes normal
 * text of an allowed length, then dresses it as people type it (extra spaces, a decomposed tone mark,
 * a zero-width space) where the raw length still fits.
 */

type Document = { components?: { schemas?: Record<string, Schema> } };
/** Values to prefer for a property of this name (ids of resources that exist), beside generated ones. */
export type Known = Record<string, readonly string[]>;

const LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"];
const WORD_CHARS = [...LETTERS, ...LETTERS.slice(0, 12).map((c) => c.toUpperCase()), ..."0123456789.,-()/:'\"“”"];

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
const tld = fc.constantFrom("vn", "gov.vn", "com", "org");

/** Normal text (single spaces, trimmed, composed) of `min` to `max` UTF-16 units, something visible in it. */
function normalText(min: number, max: number, multiline: boolean): fc.Arbitrary<string> {
  const length = fc.integer({ min: Math.max(min, 1), max: Math.min(max, Math.max(min, 1) + 40) });
  const char = fc.constantFrom(...WORD_CHARS);
  return length.chain((n) =>
    fc.array(char, { minLength: n, maxLength: n }).chain((chars) =>
      // Spaces (or line breaks) inside, never two in a row, never at the ends.
      fc
        .array(fc.boolean(), { minLength: n, maxLength: n })
        .map((breaks) =>
          chars
            .map((c, i) =>
              i > 0 && i < n - 1 && breaks[i] && !breaks[i - 1] ? (multiline && i % 7 === 0 ? "\n" : " ") : c,
            )
            .join(""),
        ),
    ),
  );
}

/** The same text as someone might type it; its normal form is unchanged, its raw length at most `max`. */
const dressed = (text: string, max: number): fc.Arbitrary<string> =>
  fc
    .constantFrom(
      (t: string) => t,
      (t: string) => `  ${t}\t`,
      (t: string) => t.replace(" ", "   "),
      (t: string) => t.normalize("NFD"),
      (t: string) => t.replace(/(.)/u, "$1\u200b"),
    )
    .map((dress) => dress(text))
    .map((raw) => ([...raw].length <= max ? raw : text));

function textArbitrary(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200;
  const multiline = schema.description?.includes("on several lines") ?? false;
  const some = normalText(min, max, multiline).chain((text) => dressed(text, max));
  return min === 0 ? fc.oneof({ weight: 1, arbitrary: fc.constant("") }, { weight: 4, arbitrary: some }) : some;
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern !== undefined && (schema.pattern === textPattern(0) || schema.pattern === textPattern(1)))
    return textArbitrary(schema);
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 100;
  switch (schema.format) {
    case "email":
      // Addresses as offices have them (`van.phong@so-noi-vu.gov.vn`): the API's pattern admits fewer than RFC 5322.
      return fc
        .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.array(label, { minLength: 1, maxLength: 3 }), tld)
        .map(([local, domain, top]) => `${local.join(".")}@${domain.join(".")}.${top}`)
        .filter((email) => email.length >= min && email.length <= max);
    case "uuid":
      return fc.uuid();
    case "date":
      return fc
        .date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case "uri":
      return fc.webUrl().filter((url) => url.length <= max);
  }
  if (schema.pattern !== undefined)
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
  return fc.string({ minLength: min, maxLength: Math.min(max, min + 40) });
}

function numberArbitrary(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum : 1e6);
  const within = (n: number) =>
    (schema.exclusiveMinimum === undefined || n > schema.exclusiveMinimum) &&
    (schema.exclusiveMaximum === undefined || n < schema.exclusiveMaximum);
  const step = schema.multipleOf;
  const n = step
    ? fc
        .integer({ min: Math.ceil(low / step), max: Math.floor(high / step) })
        .map((k) => Number((k * step).toPrecision(12)))
    : integer
      ? fc.integer({ min: Math.ceil(low), max: Math.floor(Math.min(high, Number.MAX_SAFE_INTEGER)) })
      : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
  return n.filter(within);
}

function objectArbitrary(schema: Schema, doc: Document, known: Known): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, property]) => [name, arbitraryOf(property, doc, known, name)]),
  );
  let record: fc.Arbitrary<Record<string, unknown>> = fc.record(properties, {
    requiredKeys: [...required].filter((name) => name in properties),
  });
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
    const names = schema.propertyNames
      ? stringArbitrary(schema.propertyNames)
      : fc.string({ minLength: 1, maxLength: 12 });
    const extra = fc.dictionary(
      names.filter((key) => !(key in properties)),
      arbitraryOf(schema.additionalProperties, doc, known),
      { maxKeys: 3 },
    );
    record = fc.tuple(record, extra).map(([fixed, more]) => ({ ...more, ...fixed }));
  }
  const least = schema.minProperties ?? 0;
  return least ? record.filter((value) => Object.keys(value).length >= least) : record;
}

/** Values that `schema` accepts; `name` is the property's, to prefer a known id for it. */
export function arbitraryOf(schema: Schema, doc: Document, known: Known = {}, name?: string): fc.Arbitrary<unknown> {
  if (schema.$ref)
    return arbitraryOf(doc.components?.schemas?.[schema.$ref.split("/").pop() as string] ?? {}, doc, known, name);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((variant) => arbitraryOf(variant, doc, known, name)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryOf({ ...schema, type }, doc, known, name)));
  switch (types[0]) {
    case "object":
      return objectArbitrary(schema, doc, known);
    case "array": {
      const items = arbitraryOf(schema.items ?? {}, doc, known, name);
      const size = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) };
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...size, selector: (item) => JSON.stringify(item) })
        : fc.array(items, size);
    }
    case "integer":
    case "number":
      return numberArbitrary(schema, types[0] === "integer");
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "string": {
      const ids = name === undefined ? undefined : (known[name] ?? known[name.replace(/s$/, "")]);
      const generated = stringArbitrary(schema);
      return ids?.length
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: generated })
        : generated;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
