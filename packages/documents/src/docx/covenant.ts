import { type CovenantInput, covenantContent } from "../content/covenant.ts";
import { renderDocx } from "./frame.ts";

/** The emulation covenant (bản giao ước thi đua) as a .docx file. */
export const covenantDocx = (input: CovenantInput): Promise<Uint8Array> => renderDocx(covenantContent(input));

export type { CovenantInput };
