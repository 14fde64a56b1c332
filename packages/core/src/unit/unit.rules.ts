import { z } from "zod";
import { SavedVersion, someChange } from "../edit/edit.rules.ts";
import { textField } from "../text/index.ts";

export const unitKinds = [
  "party_agency",
  "state_agency",
  "mass_organization",
  "association",
  "commune",
  "enterprise",
  "other",
] as const;
export const UnitKind = z.enum(unitKinds);

/** A year of the emulation calendar. */
export const Year = z.coerce.number().int().min(2000).max(2100);

const reason = textField({ min: 3, max: 500 });
const Name = textField({ min: 2, max: 200 });
const ShortName = textField({ min: 1, max: 60 });

/** A year as a key of the discipline map. */
const YEAR_KEY = /^(20\d\d|2100)$/;

/** One year's discipline flag as the board sets it. */
export const DisciplineFlag = z.object({ year: Year, reason });

export const Unit = z
  .object({
    unitId: z.string(),
    name: z.string(),
    shortName: z.string().optional(),
    kind: UnitKind,
    discipline: z.record(z.string(), z.string()).default({}),
    /** When the board archived the unit: hidden from pickers, still named in the years it belonged to. */
    archivedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Unit" });
export type Unit = z.infer<typeof Unit>;

export const CreateUnitInput = z.object({
  name: Name,
  shortName: ShortName.optional(),
  kind: UnitKind,
});
export type CreateUnitInput = z.input<typeof CreateUnitInput>;

export const UpdateUnitInput = someChange(
  z.object({
    name: Name.optional(),
    shortName: ShortName.nullable().optional(),
    kind: UnitKind.optional(),
    /** Sets (reason) or clears (null) the discipline flag of the given years. */
    // Keys are years of the calendar (at most a hundred), so the map stays small.
    discipline: z
      .record(z.string().regex(YEAR_KEY, "A year from 2000 to 2100"), reason.nullable())
      // The document's converter leaves a record's key schema out: stated here.
      .meta({ propertyNames: { type: "string", pattern: YEAR_KEY.source } })
      .optional(),
    version: SavedVersion,
  }),
);
export type UpdateUnitInput = z.input<typeof UpdateUnitInput>;

/** Applies discipline changes: a reason sets a year, null clears it. */
export function applyDiscipline(
  current: Record<string, string>,
  changes: Record<string, string | null> = {},
): Record<string, string> {
  const next = { ...current };
  for (const [year, why] of Object.entries(changes)) {
    if (why === null) delete next[year];
    else next[year] = why;
  }
  return next;
}

export const isUnderDiscipline = (unit: Pick<Unit, "discipline">, year: number): boolean =>
  unit.discipline[String(year)] !== undefined;
