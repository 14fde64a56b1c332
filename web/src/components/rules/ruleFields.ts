import { type RuleOverride, RuleSet, rankingTieBreaks } from "@thidua/core/rules/rules";

/** How a tie is broken, as the API knows them. */
export const tieBreaks = RuleSet.shape.ballot.shape.tie.options;

type RankingTieBreak = (typeof rankingTieBreaks)[number];
/**
 * The orders of ranking tie-breaks the form offers, each as its parts joined by commas ("" for none);
 * the API takes any order of them, and a stored one not listed here is offered too.
 */
export const tieBreakOrders = [
  "first_group,fewer_penalties",
  "fewer_penalties,first_group",
  "first_group,fewer_penalties,more_bonus",
  "more_bonus,first_group,fewer_penalties",
  "",
] as const;
/** The parts of an order as typed in the form. */
export const orderParts = (order: string): string[] => (order === "" ? [] : order.split(","));
const isOrder = (order: string) => {
  const parts = orderParts(order);
  return new Set(parts).size === parts.length && parts.every((p) => rankingTieBreaks.includes(p as RankingTieBreak));
};

/**
 * The rules form as data: each setting, how it is typed and checked. Shares (0–1) are shown and typed as
 * percentages. A level saves only what differs from the level above, so a later change of the province's
 * rule still reaches every bloc that did not set its own.
 */
type Section = keyof RuleSet;
type Kind = "integer" | "number" | "percent" | "boolean" | "tie" | "order";

export interface RuleField {
  section: Section;
  name: string;
  kind: Kind;
  /** Inclusive bounds in the unit shown (percent for shares). */
  min?: number;
  max?: number;
  /** The bound itself is not allowed (a quorum of 0 %, a threshold of 100 %). */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
}

export const ruleFields: readonly RuleField[] = [
  { section: "scale", name: "total", kind: "integer", min: 10, max: 1000 },
  { section: "scale", name: "bonusMax", kind: "number", min: 0, max: 100 },
  { section: "scale", name: "allowNegative", kind: "boolean" },
  { section: "ballot", name: "secret", kind: "boolean" },
  { section: "ballot", name: "quorum", kind: "percent", min: 0, max: 100, exclusiveMin: true },
  { section: "ballot", name: "threshold", kind: "percent", min: 0, max: 100, exclusiveMin: true, exclusiveMax: true },
  { section: "ballot", name: "tie", kind: "tie" },
  { section: "rotation", name: "noConsecutiveLeader", kind: "boolean" },
  { section: "eligibility", name: "disciplineExcludes", kind: "boolean" },
  { section: "caps", name: "governmentFlagShareOfProvincialFlags", kind: "percent", min: 0, max: 100 },
  { section: "leadership", name: "deputiesAct", kind: "boolean" },
  { section: "ranking", name: "tieBreak", kind: "order" },
];

export const keyOf = (field: RuleField): string => `${field.section}.${field.name}`;
export type RuleForm = Record<string, string | boolean>;

const read = (rules: RuleSet, field: RuleField): unknown =>
  (rules[field.section] as Record<string, unknown>)[field.name];

const round2 = (x: number) => Math.round(x * 100) / 100;
/** A typed number: "66,67" (Vietnamese decimal comma) or "66.67"; NaN when it is not one. */
const toNumber = (text: string | boolean | undefined): number =>
  text === undefined || String(text).trim() === "" ? Number.NaN : Number(String(text).trim().replace(",", "."));

/** What the form shows for a setting: percentages with at most two decimals, a decimal comma (66,67). */
export function display(rules: RuleSet, field: RuleField): string | boolean {
  const value = read(rules, field);
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.join(",");
  if (typeof value === "number")
    return String(field.kind === "percent" ? round2(value * 100) : value).replace(".", ",");
  return String(value);
}

export const toForm = (rules: RuleSet): RuleForm =>
  Object.fromEntries(ruleFields.map((field) => [keyOf(field), display(rules, field)]));

/** Whether the form's value differs from the level above (compared as shown, so 66,67 % equals ⅔). */
export const differs = (form: RuleForm, parent: RuleSet, field: RuleField): boolean => {
  const value = form[keyOf(field)];
  const above = display(parent, field);
  return typeof value === "boolean" || field.kind === "tie" || field.kind === "order"
    ? value !== above
    : toNumber(value) !== toNumber(above);
};

/** Why a setting is not valid, as a code under `errors.`; undefined when it is. */
export function invalidReason(form: RuleForm, field: RuleField): string | undefined {
  const value = form[keyOf(field)];
  if (field.kind === "boolean") return undefined;
  if (field.kind === "tie")
    return tieBreaks.includes(value as (typeof tieBreaks)[number]) ? undefined : "rules.invalid_value";
  if (field.kind === "order") return isOrder(String(value)) ? undefined : "rules.invalid_value";
  const n = toNumber(value);
  if (!Number.isFinite(n)) return "rules.number_required";
  if (field.kind === "integer" && !Number.isInteger(n)) return "rules.integer_required";
  const { min = -Infinity, max = Infinity } = field;
  const tooLow = field.exclusiveMin ? n <= min : n < min;
  const tooHigh = field.exclusiveMax ? n >= max : n > max;
  return tooLow || tooHigh ? "rules.out_of_range" : undefined;
}

/** The override to save: only the settings (among `fields`) that differ from the level above. */
export function toOverride(form: RuleForm, parent: RuleSet, fields: readonly RuleField[]): RuleOverride {
  const override: Record<string, Record<string, unknown>> = {};
  for (const field of fields) {
    if (!differs(form, parent, field)) continue;
    const value = form[keyOf(field)];
    const typed =
      field.kind === "order"
        ? orderParts(String(value))
        : typeof value === "boolean" || field.kind === "tie"
          ? value
          : field.kind === "percent"
            ? toNumber(value) / 100
            : toNumber(value);
    override[field.section] = { ...override[field.section], [field.name]: typed };
  }
  return override as RuleOverride;
}
