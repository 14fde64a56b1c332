import { type Actor, assertRole } from "../actor.ts";
import { nationalEntities, provinceForAggregation } from "../db/national.ts";
import { getAll } from "../db/read.ts";
import { tenantOfKey } from "../db/table.ts";
import { isConditionFailure } from "../db/write.ts";
import { notFound } from "../error.ts";
import { jsonLogger, type Logger } from "../log.ts";
import {
  figuresOf,
  type NationalFigures,
  type NationalOverview,
  type NationalSummary,
  type PartFacts,
  yearsOfChange,
} from "./national.rules.ts";

export * from "./national.rules.ts";

type Image = Record<string, { N?: string; S?: string }>;

/** What the aggregator reads of a DynamoDB stream record (Lambda's and the local poller's shape). */
export interface StreamRecord {
  dynamodb?: {
    ApproximateCreationDateTime?: number;
    Keys?: Record<string, { S?: string }>;
    NewImage?: Image;
    OldImage?: Image;
  };
}

/**
 * Records that move no figure: the audit trail and import jobs (`auditId`, `importId`). Each is written
 * in the same transaction as the change it records, whose own record is in the batch.
 */
const movesNoFigure = (image: Image | undefined) => image?.auditId !== undefined || image?.importId !== undefined;

/** The province-years a batch of changes touches, once each; records outside tenant keys are skipped. */
export function provinceYearsIn(records: readonly StreamRecord[], now = Date.now()) {
  const found = new Map<string, { tenantId: string; year: number }>();
  for (const { dynamodb: change } of records) {
    const tenantId = tenantOfKey(change?.Keys?.pk?.S);
    const image = change?.NewImage ?? change?.OldImage;
    if (!tenantId || movesNoFigure(image)) continue;
    const own = image?.year ? Number(image.year.N ?? image.year.S) : undefined;
    const at = change?.ApproximateCreationDateTime ? change.ApproximateCreationDateTime * 1000 : now;
    for (const year of yearsOfChange(own, at)) found.set(`${tenantId}|${year}`, { tenantId, year });
  }
  return [...found.values()];
}

/**
 * One province-year's figures from the province's own data: its units, blocs, the year's memberships,
 * bloc-years and proposals, each launched year's members' parts and ballots (one query of the year's
 * partition per kind), and the last record of its audit trail.
 */
export async function provinceFigures(tenantId: string, year: number): Promise<NationalFigures> {
  const db = provinceForAggregation(tenantId);
  // Strongly consistent: a read made after a change was streamed must see it.
  const consistent = { pages: "all", consistent: true } as const;
  const [units, blocs, memberships, proposals, lastAudit] = await Promise.all([
    db.unit.query.byId({}).go(consistent),
    db.bloc.query.byId({}).go(consistent),
    db.membership.query.byYear({ year }).go(consistent),
    db.proposal.query.byYear({ year }).go(consistent),
    db.audit.query.byTime({}).go({ order: "desc", limit: 1, pages: 1, consistent: true }),
  ]);
  const blocYears = await getAll(
    blocs.data.map((b) => ({ blocId: b.blocId, year })),
    (keys) => db.blocYear.get(keys).go({ consistent: true }),
  );
  const launched = blocYears.filter((y) => y.status !== "planning");
  const perYear = await Promise.all(
    launched.map(async (y) => {
      const key = { blocId: y.blocId, year };
      const [parts, ballots] = await Promise.all([
        db.participation.query.byYear(key).go(consistent),
        db.ballot.query.byYear(key).go(consistent),
      ]);
      return { blocId: y.blocId, parts: parts.data, ballots: ballots.data };
    }),
  );
  return figuresOf(
    {
      units: units.data.map((u) => ({ discipline: (u.discipline as Record<string, string> | undefined) ?? {} })),
      blocs: blocs.data.map((b) => ({ blocId: b.blocId, name: b.name, kind: b.kind, archived: !!b.archivedAt })),
      blocYears,
      memberships: memberships.data.length,
      parts: new Map(perYear.map((y) => [y.blocId, y.parts as PartFacts[]])),
      ballots: perYear.flatMap((y) => y.ballots),
      proposals: proposals.data,
      ...(lastAudit.data[0] ? { lastActivity: lastAudit.data[0].at } : {}),
    },
    year,
  );
}

/** Recomputes one province-year and stores it, unless a summary computed later is stored already. */
async function recompute(tenantId: string, year: number, computedAt: string): Promise<void> {
  const figures = await provinceFigures(tenantId, year);
  try {
    await nationalEntities()
      .nationalSummary.put({ year, tenantId, figures, updatedAt: computedAt })
      .where((attr, op) => `${op.notExists(attr.updatedAt)} OR ${op.lte(attr.updatedAt, computedAt)}`)
      .go();
  } catch (error) {
    // A summary computed later is already stored: it is at least as fresh as this one.
    if (!isConditionFailure(error)) throw error;
  }
}

export interface AggregatorOptions {
  log?: Logger;
  now?: () => Date;
}

/**
 * The national aggregator, fed by the table's stream (Lambda on AWS, the local
 * poller locally): recomputes the summary of each province-year a batch
 * touches. Throwing makes Lambda retry (and bisect) the batch.
 */
export function createAggregator({ log = jsonLogger, now = () => new Date() }: AggregatorOptions = {}) {
  return async function aggregate(event: { Records: readonly StreamRecord[] }): Promise<void> {
    const computedAt = now().toISOString();
    const touched = provinceYearsIn(event.Records, now().getTime());
    for (const { tenantId, year } of touched) await recompute(tenantId, year, computedAt);
    log({
      level: "info",
      msg: "aggregate",
      records: event.Records.length,
      summaries: touched.map((t) => `${t.tenantId}/${t.year}`),
    });
  };
}

const summaryOf = (item: { tenantId: string; year: number; figures: unknown; updatedAt: string }): NationalSummary => ({
  tenantId: item.tenantId,
  year: item.year,
  figures: item.figures as NationalFigures,
  updatedAt: item.updatedAt,
});

/** Every province's summary of a year, for the national viewer (one partition, whatever the number of provinces). */
export async function listNationalSummaries(actor: Actor, year: number): Promise<NationalSummary[]> {
  assertRole(actor, ["national", "operator"]);
  const { data } = await nationalEntities().nationalSummary.query.byYear({ year }).go({ pages: "all" });
  return data.map(summaryOf);
}

/** The national overview of a year: every province's figures without its per-bloc rows, one query. */
export async function nationalOverview(actor: Actor, year: number): Promise<NationalOverview> {
  const items = await listNationalSummaries(actor, year);
  return {
    year,
    items: items.map(({ figures: { blocRows: _rows, ...figures }, ...rest }) => ({ ...rest, figures })),
  };
}

/** One province's summary of a year with its blocs (the drill-down): one read, never the province's own data. */
export async function nationalProvince(actor: Actor, tenantId: string, year: number): Promise<NationalSummary> {
  assertRole(actor, ["national", "operator"]);
  const { data } = await nationalEntities().nationalSummary.get({ year, tenantId }).go();
  if (!data) throw notFound("national.not_found", "No summary of this province for this year yet");
  return summaryOf(data);
}
