import { type ProposalMemoInput, proposalMemoContent } from "../content/proposal.ts";
import { renderDocx } from "./frame.ts";

/** The proposal memo (tờ trình đề nghị khen thưởng) as a .docx file. */
export const proposalMemoDocx = (input: ProposalMemoInput): Promise<Uint8Array> =>
  renderDocx(proposalMemoContent(input));

export type { ProposalMemoInput };
