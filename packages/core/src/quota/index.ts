import { type Actor, assertRole, requireTenant } from "../actor.ts";
import { auditItem } from "../audit/index.ts";
import { listAwardTypes } from "../award/index.ts";
import { getBlocYear } from "../bloc/index.ts";
import { assertCommitted, tenantDb } from "../db/index.ts";
import { conflict, invalid, parseInput } from "../error.ts";
import { effectiveRules } from "../rules/index.ts";
import { compareVietnamese } from "../text/index.ts";
import {
  type BlocQuotas,
  type ProvinceQuotas,
  type QuotaSetting,
  quotaLines,
  quotaProblems,
  SetQuotasInput,
  summarizeQuotas,
} from "./quota.rules.ts";

export * from "./quota.rules.ts";

const readers = ["board", "council", "unit"] as const;

const stale = () => conflict("quota.stale", "The quotas were changed by someone else");
const closed = () => conflict("bloc_year.closed", "This year is closed");

async function readStored(tenantId: string, blocId: string, year: number) {
  const { data } = await tenantDb(tenantId).entities.quota.get({ tenantId, blocId, year }).go();
  return data ? { items: data.items as QuotaSetting[], version: data.version } : { items: [], version: 0 };
}

const activeIds = async (actor: Actor) =>
  (await listAwardTypes(actor)).filter((t) => t.active).map((t) => t.awardTypeId);

/** A bloc's quotas for a year, one line per active award type, resolved against the year's member count. */
export async function getQuotas(actor: Actor, blocId: string, year: number): Promise<BlocQuotas> {
  assertRole(actor, readers);
  const tenantId = requireTenant(actor);
  // getBlocYear checks that the caller may see the bloc; the other reads wait on it only to fail together.
  const [blocYear, ids, stored] = await Promise.all([
    getBlocYear(actor, blocId, year),
    activeIds(actor),
    readStored(tenantId, blocId, year),
  ]);
  const memberCount = blocYear.memberUnitIds.length;
  return { items: quotaLines(ids, stored.items, memberCount), memberCount, version: stored.version };
}

/**
 * Sets a bloc's quotas for a year. The write, its audit record and a check
 * that the year is still not closed commit in one transaction.
 */
export async function setQuotas(actor: Actor, blocId: string, year: number, input: unknown): Promise<BlocQuotas> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { items, version } = parseInput(SetQuotasInput, input);
  const [blocYear, ids, before] = await Promise.all([
    getBlocYear(actor, blocId, year),
    activeIds(actor),
    readStored(tenantId, blocId, year),
  ]);
  if (blocYear.status === "closed") throw closed();
  if (before.version !== version) throw stale();
  const problems = quotaProblems(items, new Set(ids));
  if (problems.length) throw invalid("quota.invalid", "Some quotas name award types that do not exist", problems);

  const now = new Date().toISOString();
  const result = await tenantDb(tenantId)
    .transaction.write(({ quota, blocYear: years, audit }) => [
      quota
        .put({ tenantId, blocId, year, items, updatedAt: now, version: version + 1 })
        .where((attr, op) => (version === 0 ? op.notExists(attr.version) : op.eq(attr.version, version)))
        .commit(),
      audit
        .create(
          auditItem(
            actor,
            {
              action: version === 0 ? "create" : "update",
              entity: "quota",
              entityId: `${blocId}/${year}`,
              before: before.items,
              after: items,
            },
            now,
          ),
        )
        .commit(),
      // The year may close between the read and the write; a year never saved has no status yet.
      years
        .check({ tenantId, blocId, year })
        .where((attr, op) => `${op.notExists(attr.status)} OR ${op.ne(attr.status, "closed")}`)
        .commit(),
    ])
    .go();
  assertCommitted(result, (index) => (index === 2 ? closed() : stale()));
  const memberCount = blocYear.memberUnitIds.length;
  return { items: quotaLines(ids, items, memberCount), memberCount, version: version + 1 };
}

/** Reads everything a batch of keys names, retrying what DynamoDB left unprocessed. */
async function getAll<K, T>(keys: K[], fetch: (keys: K[]) => Promise<{ data: T[]; unprocessed: K[] }>) {
  const found: T[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new Error(`BatchGet left ${pending.length} keys unprocessed`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const { data, unprocessed } = await fetch(pending);
    found.push(...data);
    pending = unprocessed;
  }
  return found;
}

/**
 * The province's quotas for a year: per bloc, totals per award type, and the
 * government-flag cap from the province's rules, with a warning when the blocs'
 * government-flag quotas add up to more than the cap.
 *
 * One query lists the blocs; each bloc's year and quota item are then read with
 * one BatchGet per entity (ElectroDB splits it into calls of 100 keys), so a
 * province of up to 50 blocs costs 1 query and 2 batch reads, not 100 gets.
 */
export async function getProvinceQuotas(actor: Actor, year: number): Promise<ProvinceQuotas> {
  assertRole(actor, ["board"]);
  const tenantId = requireTenant(actor);
  const { entities } = tenantDb(tenantId);
  const [{ data: blocs }, ids, rules] = await Promise.all([
    entities.bloc.query.byId({ tenantId }).go({ pages: "all" }),
    activeIds(actor),
    effectiveRules(tenantId),
  ]);
  const keys = blocs.map((b) => ({ tenantId, blocId: b.blocId, year }));
  const [years, quotas] = await Promise.all([
    getAll(keys, (k) => entities.blocYear.get(k).go()),
    getAll(keys, (k) => entities.quota.get(k).go()),
  ]);
  const members = new Map(years.map((y) => [y.blocId, y.memberUnitIds.length]));
  const stored = new Map(quotas.map((q) => [q.blocId, q.items as QuotaSetting[]]));
  const facts = blocs
    .sort((a, b) => compareVietnamese(a.name, b.name))
    .map((b) => ({
      blocId: b.blocId,
      name: b.name,
      memberCount: members.get(b.blocId) ?? 0,
      stored: stored.get(b.blocId) ?? [],
    }));
  return summarizeQuotas(facts, ids, rules.caps.governmentFlagShareOfProvincialFlags);
}
