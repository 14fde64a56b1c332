import { queryOptions } from "@tanstack/react-query";
import type { SaveLetterheadInput } from "@thidua/core/document/letterhead";
import { api, call } from "./client.ts";

export const letterheadKeys = { all: ["letterhead"] as const };

/** The province's letterhead (null until the board saves one), with a suggestion from the province's name. */
export const letterheadQuery = () =>
  queryOptions({ queryKey: letterheadKeys.all, queryFn: () => call(api.letterhead.letterhead.$get()) });

export const saveLetterhead = (body: SaveLetterheadInput) => call(api.letterhead.letterhead.$put({ json: body }));
