import type ExcelJS from "exceljs";

/**
 * Computes a cell of a reloaded sheet the way Excel would, for the formulas the generators write: numbers,
 * references, ranges, + and -, SUM, SUMPRODUCT and MAX (tests only). A formula's stored result is never
 * read, so a test proves the formula itself, not the value written beside it.
 */

type Value = number | number[];

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function parseRef(ref: string): { row: number; col: number } {
  const m = ref.replaceAll("$", "").match(/^([A-Z]+)(\d+)$/);
  if (!m) throw new Error(`Not a reference: ${ref}`);
  return { col: columnNumber(m[1] ?? ""), row: Number(m[2]) };
}

export function evaluateCell(ws: ExcelJS.Worksheet, address: string, seen = new Set<string>()): number {
  if (seen.has(address)) throw new Error(`Circular reference at ${address}`);
  const value = ws.getCell(address).value;
  if (value === null || value === undefined || value === "") return 0;
  if (typeof value === "number") return value;
  if (typeof value === "object" && "formula" in value && value.formula) {
    return evaluateFormula(ws, value.formula, new Set([...seen, address]));
  }
  throw new Error(`${address} holds neither a number nor a formula: ${JSON.stringify(value)}`);
}

export function evaluateFormula(ws: ExcelJS.Worksheet, formula: string, seen = new Set<string>()): number {
  const tokens = formula.match(/\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|[A-Z]+(?=\()|\d+(?:\.\d+)?|[-+(),]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected && token !== expected)) throw new Error(`Unexpected ${token} in ${formula}`);
    return token;
  };
  const cell = (ref: string) => evaluateCell(ws, ref.replaceAll("$", ""), seen);
  const range = (token: string): number[] => {
    const [from, to] = token.split(":").map(parseRef);
    if (!from || !to) throw new Error(`Not a range: ${token}`);
    const values: number[] = [];
    for (let r = from.row; r <= to.row; r++)
      for (let c = from.col; c <= to.col; c++) values.push(cell(ws.getCell(r, c).address));
    return values;
  };
  const scalar = (v: Value) => (Array.isArray(v) ? v.reduce((a, b) => a + b, 0) : v);
  const call = (name: string, args: Value[]): number => {
    const lists = args.map((a) => (Array.isArray(a) ? a : [a]));
    if (name === "SUM") return lists.flat().reduce((a, b) => a + b, 0);
    if (name === "MAX") return Math.max(...lists.flat());
    if (name === "SUMPRODUCT") {
      const [first = [], ...rest] = lists;
      return first.reduce((sum, x, i) => sum + rest.reduce((p, list) => p * (list[i] ?? 0), x), 0);
    }
    throw new Error(`Unknown function ${name}`);
  };
  const factor = (): Value => {
    const token = take();
    if (token === "(") {
      const v = expression();
      take(")");
      return v;
    }
    if (token === "-") return -scalar(factor());
    if (/^\d/.test(token)) return Number(token);
    if (token.includes(":")) return range(token);
    if (peek() === "(") {
      take("(");
      const args: Value[] = [];
      while (peek() !== ")") {
        args.push(expression());
        if (peek() === ",") take(",");
      }
      take(")");
      return call(token, args);
    }
    return cell(token);
  };
  const expression = (): Value => {
    let v = factor();
    while (peek() === "+" || peek() === "-") {
      const op = take();
      const right = scalar(factor());
      v = op === "+" ? scalar(v) + right : scalar(v) - right;
    }
    return v;
  };
  const result = scalar(expression());
  if (at !== tokens.length) throw new Error(`Left over in ${formula}: ${tokens.slice(at).join(" ")}`);
  // Points are whole hundredths: round away the binary noise of float sums.
  return Math.round(result * 10_000) / 10_000;
}
