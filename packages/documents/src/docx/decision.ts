import { type DecisionInput, decisionContent } from "../content/decision.ts";
import { renderDocx } from "./frame.ts";

/** The award decision (quyết định khen thưởng) with its annexed list, as a .docx file. */
export const decisionDocx = (input: DecisionInput): Promise<Uint8Array> => renderDocx(decisionContent(input));

export type { DecisionInput };
