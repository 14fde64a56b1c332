/** Figures as the docs write them: thousands separated by commas, a fixed number of decimals. */
export const num = (value: number, decimals = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : "n/a";

export const kib = (bytes: number) => num(bytes / 1024, 0);
export const ms = (value: number) => num(value, value < 10 ? 2 : 1);
export const ratio = (value: number) => `${num(value, 2)}×`;
export const usd = (value: number) => `$${value.toFixed(6)}`;

/** A Markdown table, readable as plain text too. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
