import { createConversions, type Entity } from "electrodb";
import type { z } from "zod";
import { invalid } from "../error.ts";

// biome-ignore lint/suspicious/noExplicitAny: any entity of any scope; the position schema types what matters
type AnyEntity = Entity<any, any, any, any>;
type Conversions = {
  fromCursor: { toComposite: (cursor: string) => Record<string, unknown> };
  fromComposite: { toCursor: (composite: Record<string, unknown>) => string };
};

const invalidCursor = () =>
  invalid("cursor.invalid", "This cursor does not come from this list", [
    { path: "cursor", message: "cursor.invalid" },
  ]);

/**
 * The cursors the API hands out for one list: the position of the last item as its own attributes
 * (a time and an id), base64url JSON, never a database key. A cursor sent back is checked against the
 * position's schema and turned into keys within the caller's own scope, so it can neither fail the
 * database nor point into another province; a bad one answers 400 `cursor.invalid`.
 */
export function listCursor<P extends z.ZodType<Record<string, unknown>>>(
  entity: AnyEntity,
  index: string,
  position: P,
) {
  const conversions = (createConversions(entity).byAccessPattern as unknown as Record<string, Conversions>)[index];
  if (!conversions) throw new Error(`No index ${index}`);
  return {
    /** The API's cursor for ElectroDB's, or null at the end of the list. */
    toApi(cursor: string | null): string | null {
      return cursor ? this.after(conversions.fromCursor.toComposite(cursor)) : null;
    },
    /** The API's cursor that continues after this item of the list. */
    after(item: Record<string, unknown>): string {
      return Buffer.from(JSON.stringify(position.parse(item))).toString("base64url");
    },
    /** ElectroDB's cursor for the API's; `query` adds the query's own composite attributes (an entity's id). */
    fromApi(token: string | undefined, query: Record<string, unknown> = {}): string | null {
      if (!token) return null;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
      } catch {
        throw invalidCursor();
      }
      const parsed = position.safeParse(decoded);
      if (!parsed.success) throw invalidCursor();
      return conversions.fromComposite.toCursor({ ...parsed.data, ...query });
    },
  };
}
