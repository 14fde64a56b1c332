import { readFileSync, writeFileSync } from "node:fs";

interface Section {
  file: URL;
  heading: string;
  start: string;
  end: string;
  /** Where a new section goes: before this heading, else at the end of the file. */
  before?: string;
}

export const performanceSection: Section = {
  file: new URL("../docs/performance.md", import.meta.url),
  heading: "## Measured by npm run bench",
  start: "<!-- bench:start -->",
  end: "<!-- bench:end -->",
};

export const costSection: Section = {
  file: new URL("../docs/deploy.md", import.meta.url),
  heading: "## Cost per 1,000 requests",
  start: "<!-- bench:cost:start -->",
  end: "<!-- bench:cost:end -->",
  before: "## Adding the first province",
};

/** Writes `body` between the section's markers, adding the section first if the file has none. */
export function writeSection(section: Section, body: string): void {
  let text = readFileSync(section.file, "utf8");
  if (!text.includes(section.start)) {
    const added = `${section.heading}\n\n${section.start}\n${section.end}\n`;
    const at = section.before ? text.indexOf(`\n${section.before}\n`) : -1;
    text = at >= 0 ? `${text.slice(0, at + 1)}${added}\n${text.slice(at + 1)}` : `${text.trimEnd()}\n\n${added}`;
  }
  const from = text.indexOf(section.start) + section.start.length;
  const to = text.indexOf(section.end);
  if (to < from) throw new Error(`${section.file.pathname}: ${section.end} comes before ${section.start}`);
  writeFileSync(section.file, `${text.slice(0, from)}\n${body.trim()}\n${text.slice(to)}`);
}
