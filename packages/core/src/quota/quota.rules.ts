import { z } from "zod";
import { GOVERNMENT_FLAG, PROVINCIAL_FLAG } from "../award/award.rules.ts";
import { ReadVersion } from "../edit/edit.rules.ts";
import type { CodedIssue } from "../error.ts";

export const quotaModes = ["count", "percent"] as const;
export const quotaRoundings = ["down", "up", "nearest"] as const;

/** The most a count quota may be: far above any bloc's size (4–14 members is typical). */
export const MAX_COUNT = 1000;

/** How many of one award type a bloc may propose in a year: a number, or a share of its members. */
export const QuotaSetting = z
  .object({
    awardTypeId: z.string().min(1).max(80),
    mode: z.enum(quotaModes),
    /** A number of awards (count), or whole percent of the members, 0–100 (percent). */
    value: z.number().int().min(0).max(MAX_COUNT),
    /** How a percentage becomes a whole number; ignored for a count. */
    rounding: z.enum(quotaRoundings).default("down"),
  })
  .refine((q) => q.mode !== "percent" || q.value <= 100, { message: "quota.percent_over_100", path: ["value"] });
export type QuotaSetting = z.infer<typeof QuotaSetting>;

export const QuotaLine = z
  .object({
    awardTypeId: z.string(),
    mode: z.enum(quotaModes),
    value: z.number(),
    rounding: z.enum(quotaRoundings),
    /** The number of awards this setting allows for the bloc-year's member count. */
    resulting: z.number().int(),
  })
  .meta({ id: "QuotaLine" });
export type QuotaLine = z.infer<typeof QuotaLine>;

export const BlocQuotas = z
  .object({
    /** One line per active award type, in the award types' order; unset ones as their default. */
    items: z.array(QuotaLine),
    memberCount: z.number().int(),
    /** 0 until quotas are saved for this bloc-year. */
    version: z.number().int(),
  })
  .meta({ id: "BlocQuotas" });
export type BlocQuotas = z.infer<typeof BlocQuotas>;

export const SetQuotasInput = z.object({
  /** The award types to set; one the list leaves out takes its default. */
  items: z.array(QuotaSetting).max(50),
  version: ReadVersion,
});

export const QuotaWarning = z.object({ code: z.string(), message: z.string() }).meta({ id: "QuotaWarning" });
export type QuotaWarning = z.infer<typeof QuotaWarning>;

export const ProvinceQuotas = z
  .object({
    blocs: z.array(
      z.object({
        blocId: z.string(),
        name: z.string(),
        memberCount: z.number().int(),
        /** Resulting number per active award type. */
        quotas: z.record(z.string(), z.number().int()),
      }),
    ),
    totals: z.record(z.string(), z.number().int()),
    caps: z.object({
      governmentFlag: z.object({
        /** Share of the province's provincial flags (rules: caps.governmentFlagShareOfProvincialFlags). */
        share: z.number(),
        /** floor(share × total provincial flags). */
        max: z.number().int(),
      }),
    }),
    warnings: z.array(QuotaWarning),
  })
  .meta({ id: "ProvinceQuotas" });
export type ProvinceQuotas = z.infer<typeof ProvinceQuotas>;

/** What a bloc may propose of an award type when the board set nothing: 1 provincial flag, else none. */
export const defaultQuota = (awardTypeId: string): QuotaSetting => ({
  awardTypeId,
  mode: "count",
  value: awardTypeId === PROVINCIAL_FLAG ? 1 : 0,
  rounding: "down",
});

/** The number of awards a setting allows a bloc of `memberCount` members. */
export function quotaFor(setting: Pick<QuotaSetting, "mode" | "value" | "rounding">, memberCount: number): number {
  if (setting.mode === "count") return Math.max(0, setting.value);
  // Integer percent × integer members is exact, so the division is the only rounding.
  const exact = (setting.value * Math.max(0, memberCount)) / 100;
  const whole =
    setting.rounding === "down" ? Math.floor(exact) : setting.rounding === "up" ? Math.ceil(exact) : Math.round(exact);
  return Math.max(0, whole);
}

/** One line per active award type (stored setting or its default), with the resulting number. */
export function quotaLines(
  awardTypeIds: readonly string[],
  stored: readonly QuotaSetting[],
  memberCount: number,
): QuotaLine[] {
  const byType = new Map(stored.map((s) => [s.awardTypeId, s]));
  return awardTypeIds.map((id) => {
    const setting = byType.get(id) ?? defaultQuota(id);
    return { ...setting, resulting: quotaFor(setting, memberCount) };
  });
}

/** Why a quota list is wrong, as field paths: unknown or inactive award types, or one set twice. */
export function quotaProblems(items: readonly Pick<QuotaSetting, "awardTypeId">[], active: ReadonlySet<string>) {
  const seen = new Set<string>();
  return items.flatMap(({ awardTypeId }, i): CodedIssue[] => {
    const path = `items.${i}.awardTypeId`;
    if (!active.has(awardTypeId)) return [{ path, message: "award_type.not_found" }];
    if (seen.has(awardTypeId)) return [{ path, message: "quota.duplicate" }];
    seen.add(awardTypeId);
    return [];
  });
}

/** Counts a bloc could never fill: more awards of a type than the year has members. */
export const countsOverMembers = (items: readonly QuotaSetting[], memberCount: number): CodedIssue[] =>
  items.flatMap((q, i) =>
    q.mode === "count" && q.value > memberCount
      ? [{ path: `items.${i}.value`, message: "quota.over_members", limit: memberCount }]
      : [],
  );

/** floor(share × provincial flags), without floating-point noise (0.29 × 100 is 29, not 28). */
export const governmentFlagCap = (share: number, provincialFlags: number): number =>
  Math.max(0, Math.floor(share * provincialFlags + 1e-9));

export interface BlocQuotaFacts {
  blocId: string;
  name: string;
  memberCount: number;
  stored: readonly QuotaSetting[];
}

/** The province's quotas for a year: per bloc, totals per award type, the government-flag cap. */
export function summarizeQuotas(
  blocs: readonly BlocQuotaFacts[],
  awardTypeIds: readonly string[],
  governmentFlagShare: number,
): ProvinceQuotas {
  const totals: Record<string, number> = Object.fromEntries(awardTypeIds.map((id) => [id, 0]));
  const rows = blocs.map((b) => {
    const quotas = Object.fromEntries(
      quotaLines(awardTypeIds, b.stored, b.memberCount).map((l) => [l.awardTypeId, l.resulting]),
    );
    for (const [id, n] of Object.entries(quotas)) totals[id] = (totals[id] ?? 0) + n;
    return { blocId: b.blocId, name: b.name, memberCount: b.memberCount, quotas };
  });
  const max = governmentFlagCap(governmentFlagShare, totals[PROVINCIAL_FLAG] ?? 0);
  const governmentFlags = totals[GOVERNMENT_FLAG] ?? 0;
  const warnings: QuotaWarning[] =
    governmentFlags > max
      ? [
          {
            code: "quota.government_flag_over_cap",
            message: `${governmentFlags} government flags exceed the cap of ${max}`,
          },
        ]
      : [];
  return { blocs: rows, totals, caps: { governmentFlag: { share: governmentFlagShare, max } }, warnings };
}
