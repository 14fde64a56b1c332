import { type Actor, assertRole } from "../actor.ts";
import { nationalEntities, provinceForAggregation } from "../db/national.ts";
import { getAll } from "../db/read.ts";
import { tenantOfKey } from "../db/table.ts";
import { isConditionFailure } from "../db/write.ts";
import { jsonLogger, type Logger } from "../log.ts";
import { figuresOf, type NationalFigures, yearsOfChange } from "./national.rules.ts";

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

export interface NationalSummary {
  tenantId: string;
  year: number;
  figures: NationalFigures;
  /** When the figures were computed: a summary is never replaced by one computed earlier. */
  updatedAt: string;
}

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

/** Recomputes one province-year from the province's own data and stores it, unless a newer one is stored. */
async function recompute(tenantId: string, year: number, computedAt: string): Promise<void> {
  const db = provinceForAggregation(tenantId);
  // Strongly consistent: a read made after `computedAt` must see every change written before it.
  const [units, blocs, memberships] = await Promise.all([
    db.unit.query.byId({}).go({ pages: "all", consistent: true }),
    db.bloc.query.byId({}).go({ pages: "all", consistent: true }),
    db.membership.query.byYear({ year }).go({ pages: "all", consistent: true }),
  ]);
  const blocYears = await getAll(
    blocs.data.map((b) => ({ blocId: b.blocId, year })),
    (keys) => db.blocYear.get(keys).go({ consistent: true }),
  );
  const figures = figuresOf(
    {
      units: units.data.map((u) => ({ discipline: (u.discipline as Record<string, string> | undefined) ?? {} })),
      blocs: blocs.data,
      blocYears,
      memberships: memberships.data.length,
    },
    year,
  );
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

/** Every province's summary of a year, for the national viewer (one partition, whatever the number of provinces). */
export async function listNationalSummaries(actor: Actor, year: number): Promise<NationalSummary[]> {
  assertRole(actor, ["national", "operator"]);
  const { data } = await nationalEntities().nationalSummary.query.byYear({ year }).go({ pages: "all" });
  return data.map(({ tenantId, year: y, figures, updatedAt }) => ({
    tenantId,
    year: y,
    figures: figures as NationalFigures,
    updatedAt,
  }));
}
