import type { AuditRecord } from "../../api/audit.ts";
import { dateFormat } from "../../i18n/dates.ts";
import { ballotChanges } from "./ballot-changes.ts";
import { criteriaChanges } from "./criteria-changes.ts";
import { fieldChanges } from "./diff.ts";
import { participationChanges } from "./participation-changes.ts";
import type { ReadableChange, Translate } from "./types.ts";

/*
 * The audit trail as people read it: the thing changed by its name, each field by its label, ids as the
 * names they stand for, codes as their labels, a criteria table or quotas summarised. Pure, so every
 * entity's wording is tested without a browser.
 */

/** Names for the ids records hold; undefined for an id no longer known (a unit deleted since). */
export interface Names {
  unit: (id: string) => string | undefined;
  bloc: (id: string) => string | undefined;
  awardType: (id: string) => string | undefined;
}

export interface ReadableRecord {
  /** What was changed, by name: "Sở Nội vụ", "Khối các cơ quan Đảng · năm 2024". */
  subject: string;
  changes: ReadableChange[];
}

type Fields = Record<string, unknown> | undefined;

const asObject = (value: unknown): Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** Bookkeeping or technical fields nobody changed by hand. */
const hidden = new Set(["builtIn", "tenantId", "userId", "blocId", "year", "awardTypeId"]);

export function readRecord(record: AuditRecord, names: Names, t: Translate, language: string): ReadableRecord {
  const before = asObject(record.before);
  const after = asObject(record.after);
  const [id, year] = record.entityId.split("/");
  const blocName = (blocId = "") => names.bloc(blocId) ?? t("audit.unknownBloc");
  const ownName = text(after?.name) ?? text(before?.name);
  const list = (ids: unknown, nameOf: (id: string) => string | undefined) =>
    Array.isArray(ids) && ids.length > 0
      ? ids.map((v) => nameOf(String(v)) ?? t("audit.removedItem")).join(", ")
      : undefined;
  const date = (value: unknown) => (text(value) ? dateFormat(language).format(new Date(String(value))) : undefined);
  const yesNo = (value: unknown) =>
    typeof value === "boolean" ? t(value ? "criteria.yes" : "criteria.no") : undefined;

  switch (record.entity) {
    case "criteria":
      return { subject: t("audit.subject.criteria", { bloc: blocName(id) }), changes: criteriaChanges(record, t) };
    case "quota":
      return {
        subject: t("audit.subject.quota", { bloc: blocName(id), year }),
        changes: quotaChanges(record.before, record.after, names, t),
      };
    case "rules":
      return {
        subject:
          id === "province" ? t("audit.subject.rulesProvince") : t("audit.subject.rulesBloc", { bloc: blocName(id) }),
        changes: ruleChanges(record.before, record.after, t),
      };
    case "ballot":
      return {
        subject: t("audit.subject.ballot", { bloc: blocName(id), year }),
        changes: ballotChanges(record, t, (ids) => list(ids, names.unit)),
      };
    case "proposal": {
      const [yearOf, , awardTypeId = "", unitId = ""] = record.entityId.split("/");
      const status = (v: unknown) => (typeof v === "string" ? t(`audit.proposalStatus.${v}`) : undefined);
      return {
        subject: t("audit.subject.proposal", {
          award: names.awardType(awardTypeId) ?? t("audit.removedItem"),
          unit: names.unit(unitId) ?? t("audit.removedItem"),
          year: yearOf,
        }),
        changes: [
          { label: t("audit.fields.proposalStatus"), before: status(before?.status), after: status(after?.status) },
          ...(text(after?.note) ? [{ label: t("audit.fields.note"), after: text(after?.note) }] : []),
          ...decisionLines(after, t, date),
          ...(record.reason ? [{ label: t("audit.reason"), after: record.reason }] : []),
        ],
      };
    }
    case "unitAward": {
      const [unitId = "", yearOf, awardTypeId = ""] = record.entityId.split("/");
      return {
        subject: t("audit.subject.unitAward", {
          award: names.awardType(awardTypeId) ?? t("audit.removedItem"),
          unit: names.unit(unitId) ?? t("audit.removedItem"),
          year: yearOf,
        }),
        changes: [
          ...decisionLines(after, t, date),
          ...(text(after?.source)
            ? [{ label: t("audit.fields.source"), after: t(`audit.awardSource.${after?.source}`) }]
            : []),
        ],
      };
    }
    case "letterhead":
      return {
        subject: t("audit.subject.letterhead"),
        changes: fieldChanges(record.before, record.after).map((change) => {
          const [group, key = ""] = change.path.split(".");
          const label =
            group === "numbers"
              ? t("letterhead.fields.number", {
                  document: t(`letterhead.documents.${key}` as "letterhead.documents.minutes"),
                })
              : t(`letterhead.fields.${(group === "issuer" || group === "signer" ? key : group) as "place"}`);
          return { label, before: text(change.before), after: text(change.after) };
        }),
      };
    case "participation": {
      const unitId = record.entityId.split("/")[2] ?? "";
      const unit = (u: string) => names.unit(u) ?? t("audit.removedItem");
      const changes = participationChanges(record, t, { date, unit, awardTypes: (ids) => list(ids, names.awardType) });
      return {
        subject: t("audit.subject.participation", { unit: unit(unitId), bloc: blocName(id), year }),
        changes: [...changes, ...(record.reason ? [{ label: t("audit.reason"), after: record.reason }] : [])],
      };
    }
  }

  /** A field's value as words: names for ids, labels for codes, dates as day/month/year. */
  const show = (path: string, value: unknown): string | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    const field = path.split(".")[0];
    switch (field) {
      case "memberUnitIds":
      case "deputyUnitIds":
        return list(value, names.unit);
      case "leaderUnitId":
      case "unitId":
        return names.unit(String(value)) ?? t("audit.removedItem");
      case "blocIds":
        return list(value, names.bloc);
      case "prerequisites":
        return list(value, names.awardType);
      case "yearsInRow":
        return Array.isArray(value) && value.length > 0
          ? (value as { awardTypeId: string; years: number }[])
              .map((row) =>
                t("audit.yearsInRow", { award: names.awardType(row.awardTypeId) ?? row.awardTypeId, years: row.years }),
              )
              .join("; ")
          : undefined;
      case "kind":
        return t(record.entity === "bloc" ? `blocs.kind.${value}` : `units.kind.${value}`);
      case "status":
        if (record.entity === "blocYear") return t(`members.status.${value}`);
        if (record.entity === "account") return t(`people.statuses.${value}`);
        return t(`tenants.status.${value}`);
      case "level":
        return t(`awards.levels.${value}`);
      case "role":
        return t(`roles.${value}`);
      case "active":
        return t(value ? "awards.active" : "awards.inactive");
      case "archivedAt":
      case "invitedAt":
      case "joinedAt":
      case "deadlines":
        return date(value);
      case "phase":
        return t(`cycle.phase.${value}`);
    }
    if (Array.isArray(value)) return value.length > 0 ? value.join(", ") : undefined;
    return yesNo(value) ?? String(value);
  };

  const changes = fieldChanges(record.before, record.after)
    // A unit's own id is the unit itself, named in the subject.
    .filter((change) => !hidden.has(change.path) && !(record.entity === "unit" && change.path === "unitId"))
    .flatMap((change): ReadableChange[] => {
      if (change.path === "memberUnitIds" && record.action !== "create") return memberChanges(change, names, t);
      const discipline = /^discipline\.(\d{4})$/.exec(change.path);
      const label = discipline
        ? t("audit.fields.disciplineYear", { year: discipline[1] })
        : t(`audit.fields.${change.path}`);
      return [{ label, before: show(change.path, change.before), after: show(change.path, change.after) }];
    });

  const subject =
    record.entity === "blocYear"
      ? t("audit.subject.blocYear", { bloc: blocName(id), year })
      : record.entity === "account"
        ? `${ownName ?? ""} (${text(after?.email) ?? text(before?.email) ?? ""})`
        : (ownName ??
          (record.entity === "unit"
            ? names.unit(record.entityId)
            : record.entity === "bloc"
              ? names.bloc(record.entityId)
              : names.awardType(record.entityId)) ??
          t("audit.removedItem"));
  const why = record.reason ? [{ label: t("audit.reason"), after: record.reason }] : [];
  return { subject, changes: [...changes, ...why] };
}

/** A decision's number, date and signer, where the record has them. */
function decisionLines(fields: Fields, t: Translate, date: (v: unknown) => string | undefined): ReadableChange[] {
  const lines: ReadableChange[] = [];
  if (text(fields?.decisionNumber))
    lines.push({ label: t("audit.fields.decisionNumber"), after: text(fields?.decisionNumber) });
  if (text(fields?.decisionDate))
    lines.push({ label: t("audit.fields.decisionDate"), after: date(fields?.decisionDate) });
  if (text(fields?.signer)) lines.push({ label: t("audit.fields.signer"), after: text(fields?.signer) });
  return lines;
}

/** A year's members as who joined and who left, not two long lists. */
function memberChanges(change: { before: unknown; after: unknown }, names: Names, t: Translate): ReadableChange[] {
  const before = new Set((change.before as string[] | undefined) ?? []);
  const after = new Set((change.after as string[] | undefined) ?? []);
  const named = (ids: string[]) => ids.map((id) => names.unit(id) ?? t("audit.removedItem")).join(", ");
  const joined = [...after].filter((id) => !before.has(id));
  const left = [...before].filter((id) => !after.has(id));
  return [
    ...(joined.length
      ? [{ label: t("audit.fields.membersJoined", { count: joined.length }), after: named(joined) }]
      : []),
    ...(left.length ? [{ label: t("audit.fields.membersLeft", { count: left.length }), before: named(left) }] : []),
  ];
}

interface QuotaSetting {
  awardTypeId: string;
  mode: "count" | "percent";
  value: number;
  rounding?: string;
}

/** One line per award type whose quota changed: "Cờ thi đua của UBND tỉnh: 1 đơn vị → 2 đơn vị". */
function quotaChanges(before: unknown, after: unknown, names: Names, t: Translate): ReadableChange[] {
  const settings = (value: unknown) => new Map(((value as QuotaSetting[]) ?? []).map((q) => [q.awardTypeId, q]));
  const a = settings(before);
  const b = settings(after);
  const rule = (q?: QuotaSetting) =>
    q === undefined
      ? undefined
      : q.mode === "count"
        ? t("quotas.countRule", { value: q.value })
        : t("quotas.percentRule", { value: q.value, rounding: t(`quotas.rounding.${q.rounding ?? "down"}`) });
  // A count's rounding means nothing: a change of it alone is no change.
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((id) => rule(a.get(id)) !== rule(b.get(id)))
    .map((id) => ({
      label: names.awardType(id) ?? t("audit.removedItem"),
      before: rule(a.get(id)) ?? t("audit.defaultQuota"),
      after: rule(b.get(id)) ?? t("audit.defaultQuota"),
    }));
}

const percentSettings = new Set(["quorum", "threshold", "governmentFlagShareOfProvincialFlags"]);

/** A rule override's settings by their labels on the rules form; shares as percentages. */
// One number format in both languages, as in the rules form: the decimal comma (66,67 %).
function ruleChanges(before: unknown, after: unknown, t: Translate): ReadableChange[] {
  const value = (key: string, v: unknown) => {
    if (v === undefined) return t("audit.ruleInherited");
    if (typeof v === "boolean") return t(v ? "criteria.yes" : "criteria.no");
    if (key === "tie") return t(`rulesForm.tie.${v}`);
    if (Array.isArray(v))
      return v.map((part) => t(`rulesForm.tieBreak.${part}`)).join(" → ") || t("rulesForm.tieBreak.none");
    if (percentSettings.has(key))
      return `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(Number(v) * 100)} %`;
    return new Intl.NumberFormat("vi-VN").format(Number(v));
  };
  return fieldChanges(before, after).map(({ path, before: b, after: a }) => {
    const key = path.split(".").pop() ?? path;
    return { label: t(`rulesForm.fields.${path}`), before: value(key, b), after: value(key, a) };
  });
}
