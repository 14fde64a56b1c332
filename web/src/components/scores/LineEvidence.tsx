import type { Participation } from "../../api/cycle.ts";
import { EvidenceFiles } from "./EvidenceFiles.tsx";

type SelfLine = NonNullable<Participation["scores"]>["lines"][string];

/** A scored line's evidence as readers see it: its links, then its files to download. */
export function LineEvidence({ unitId, lineId, line }: { unitId: string; lineId: string; line: SelfLine }) {
  return (
    <>
      {line.links.map((link) => (
        <a key={link.url} href={link.url} target="_blank" rel="noreferrer" className="cell-link">
          {link.title || link.url}
        </a>
      ))}
      <EvidenceFiles unitId={unitId} lineId={lineId} lineName={lineId} files={line.files} editable={false} />
    </>
  );
}
