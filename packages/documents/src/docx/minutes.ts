import { type MinutesInput, minutesContent } from "../content/minutes.ts";
import { renderDocx } from "./frame.ts";

/** The vote-count minutes (biên bản kiểm phiếu) as a .docx file. */
export const minutesDocx = (input: MinutesInput): Promise<Uint8Array> => renderDocx(minutesContent(input));

export type { MinutesInput };
