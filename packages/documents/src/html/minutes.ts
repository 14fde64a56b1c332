import { type MinutesInput, minutesContent } from "../content/minutes.ts";
import { renderHtml } from "./frame.ts";

/** The vote-count minutes as an HTML page: the same content as `minutesDocx`, for the dashboard's preview. */
export const minutesHtml = (input: MinutesInput): string => renderHtml(minutesContent(input));
