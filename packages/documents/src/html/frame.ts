import {
  type Block,
  DRAFT_MARK,
  type Inline,
  type Nd30Content,
  recipientLines,
  type SignerBlock,
} from "../content/model.ts";
import { upper } from "../letterhead.ts";
import { MOTTO, NATIONAL_TITLE, ND30, RECIPIENTS_LABEL } from "../nd30.ts";
import { escapeHtml } from "./escape.ts";

/**
 * The HTML preview of an ND30 document: the same content as the Word file, on an A4 sheet with the decree's
 * margins and sizes, as one self-contained page (for an iframe's `srcdoc`, so its styles touch nothing else).
 */

const { size, margin, page } = ND30;

const css = `
body { margin: 0; background: #e5e5e5; }
.nd30 { box-sizing: border-box; width: ${page.width}mm; min-height: ${page.height}mm; margin: 8mm auto;
  padding: ${margin.top}mm ${margin.right}mm ${margin.bottom}mm ${margin.left}mm; background: #fff; color: #000;
  font-family: "${ND30.font}", Times, serif; font-size: ${size.body}pt; line-height: 1.15; }
.nd30 table.layout { width: 100%; border-collapse: collapse; }
.nd30 table.layout td { vertical-align: top; text-align: center; padding: 0 0.19cm; }
.nd30 .issuer { width: 38%; font-size: ${size.issuer}pt; }
.nd30 .nation { font-size: ${size.nationalTitle}pt; font-weight: bold; }
.nd30 .motto { font-size: ${size.motto}pt; }
.nd30 .rule { border: 0; border-top: 1px solid #000; margin: 3pt auto 0; }
.nd30 .rule.issuer-rule { width: 23mm; } .nd30 .rule.motto-rule { width: 56mm; } .nd30 .rule.summary-rule { width: 35mm; }
.nd30 .number { font-size: ${size.number}pt; white-space: pre; padding-top: 6pt; }
.nd30 .place-date { font-size: ${size.placeDate}pt; font-style: italic; padding-top: 6pt; }
.nd30 h1 { font-size: ${size.title}pt; margin: 18pt 0 0; text-align: center; }
.nd30 .summary { font-weight: bold; text-align: center; margin: 0; }
.nd30 .body { margin-top: 12pt; }
.nd30 .body p { text-align: justify; text-indent: ${ND30.indent}mm; margin: 6pt 0 0; }
.nd30 .body p.heading { font-weight: bold; }
.nd30 .body p.centered { font-weight: bold; text-align: center; text-indent: 0; }
.nd30 .draft { font-size: ${size.title}pt; font-weight: bold; text-align: center; margin: 18pt 0 0; }
.nd30 .draft + h1 { margin-top: 6pt; }
.nd30 .summary.reference { font-weight: normal; font-style: italic; }
.nd30 .annex { break-before: page; border-top: 1px dashed #999; margin-top: 24pt; padding-top: 12pt; }
.nd30 table.grid { width: 100%; border-collapse: collapse; font-size: ${size.table}pt; margin: 0 0 3pt; }
.nd30 table.grid th, .nd30 table.grid td { border: 1px solid #000; padding: 2pt 4pt; white-space: pre-line; }
.nd30 .closing { margin-top: 12pt; }
.nd30 .recipients { text-align: left !important; font-size: ${size.recipients}pt; }
.nd30 .recipients b { font-size: ${size.recipientsLabel}pt; font-style: italic; }
.nd30 .signer { font-size: ${size.signer}pt; }
.nd30 .signer .name { margin-top: 3cm; font-weight: bold; }
`;

const inline = (r: Inline) => {
  if (typeof r === "string") return escapeHtml(r);
  const text = escapeHtml(r.text);
  const bold = r.bold ? `<b>${text}</b>` : text;
  return r.italic ? `<i>${bold}</i>` : bold;
};

function block(b: Block): string {
  switch (b.kind) {
    case "heading":
      return `<p class="heading">${escapeHtml(b.text)}</p>`;
    case "centered":
      return `<p class="centered">${escapeHtml(b.text)}</p>`;
    case "paragraph":
      return `<p>${b.runs.map(inline).join("")}</p>`;
    case "table": {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const head = b.columns
        .map((c) => `<th style="width:${((100 * c.width) / total).toFixed(1)}%">${escapeHtml(c.header)}</th>`)
        .join("");
      const rows = b.rows
        .map(
          (row) =>
            `<tr>${b.columns.map((c, i) => `<td style="text-align:${c.align ?? "left"}">${escapeHtml(row[i] ?? "")}</td>`).join("")}</tr>`,
        )
        .join("");
      return `<table class="grid"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
  }
}

/** A signature block, padded to `lines` lines above the name so two blocks side by side align their names. */
const signer = (s: SignerBlock, lines = 0) => {
  const above = [
    s.authority ? `<div><b>${escapeHtml(upper(s.authority))}</b></div>` : "",
    `<div><b>${escapeHtml(upper(s.title))}</b></div>`,
    s.note ? `<div><i>${escapeHtml(s.note)}</i></div>` : "",
  ].filter(Boolean);
  const pad = "<div>&nbsp;</div>".repeat(Math.max(0, lines - above.length));
  return `${above.join("")}${pad}<div class="name">${escapeHtml(s.name ?? "")}&nbsp;</div>`;
};

const recipients = (list: readonly string[]) =>
  list.length
    ? `<div class="recipients"><b>${RECIPIENTS_LABEL}</b>${recipientLines(list)
        .map((r) => `<div>${escapeHtml(r)}</div>`)
        .join("")}</div>`
    : "";

function closing(c: Nd30Content): string {
  const [first, second] = c.signers;
  const lines = Math.max(...c.signers.map((s) => 1 + Number(!!s.authority) + Number(!!s.note)));
  const cells = second
    ? `<td class="signer" style="width:50%">${signer(first, lines)}</td><td class="signer">${signer(second, lines)}</td>`
    : `<td class="issuer">${recipients(c.recipients ?? [])}</td><td class="signer">${signer(first)}</td>`;
  const after = second ? recipients(c.recipients ?? []) : "";
  return `<table class="layout closing"><tr>${cells}</tr></table>${after}`;
}

/** A title and the lines under it (one in parentheses in italic: an annex's reference), with their rule. */
const titled = (title: string, summary: readonly string[]) =>
  [
    `<h1>${escapeHtml(upper(title))}</h1>`,
    ...summary.map((s) => `<p class="summary${s.startsWith("(") ? " reference" : ""}">${escapeHtml(s)}</p>`),
    summary.length ? `<hr class="rule summary-rule">` : "",
  ].join("");

/** The document as a self-contained HTML page. */
export function renderHtml(c: Nd30Content): string {
  const issuer = [
    c.issuer.parent ? `<div>${escapeHtml(upper(c.issuer.parent))}</div>` : "",
    `<div><b>${escapeHtml(upper(c.issuer.body))}</b></div>`,
    `<hr class="rule issuer-rule">`,
  ].join("");
  const nation = `<div>${NATIONAL_TITLE}</div><div class="motto">${MOTTO}</div><hr class="rule motto-rule">`;
  return [
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(c.meta.title)}</title>`,
    // Focusable, so Tab reaches the page inside the dashboard's frame and the arrow keys scroll it.
    `<style>${css}</style></head><body><article class="nd30" tabindex="0">`,
    `<table class="layout head"><tr><td class="issuer">${issuer}</td><td class="nation">${nation}</td></tr>`,
    `<tr><td class="number">Số: ${escapeHtml(c.number)}</td><td class="place-date">${escapeHtml(c.placeDate)}</td></tr></table>`,
    c.draft ? `<p class="draft">${DRAFT_MARK}</p>` : "",
    titled(c.title, c.summary),
    `<section class="body">${c.body.map(block).join("")}</section>`,
    closing(c),
    c.annex
      ? `<section class="annex">${titled(c.annex.title, c.annex.summary)}<div class="body">${c.annex.body.map(block).join("")}</div></section>`
      : "",
    `</article></body></html>`,
  ].join("");
}
