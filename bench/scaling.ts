import type { Actor } from "@thidua/core/actor";
import type { Unit } from "@thidua/core/unit";
import type { BenchApp } from "./app.ts";
import { addAuditRecords, addUnits, createProvince } from "./fixture.ts";
import { medianOfRepeats, percentile } from "./stats.ts";
import type { Storage } from "./storage.ts";

export interface SizeFigures {
  size: number;
  p50: number;
  /** The p50 divided by the smallest size's. */
  ratio: number;
  requests: number;
  readUnits: number;
}

export interface ScalingFigures {
  units: SizeFigures[];
  audit: SizeFigures[];
  /** Seconds spent making the provinces, and the use-case writes made. */
  fillSeconds: number;
  writes: number;
}

interface Sized {
  size: number;
  board: Actor;
  path: string;
}

/**
 * The same page of provinces of different sizes, called in turn (one call of each size, then again),
 * so that every size sees the same machine load; each size's p50 is divided by the smallest's.
 */
async function measureSizes(
  app: BenchApp,
  storage: Storage,
  sized: Sized[],
  { requests, repeats }: { requests: number; repeats: number },
): Promise<SizeFigures[]> {
  for (const s of sized) await app.call(s.board, s.path); // warm: token and province status known
  storage.recording.take();
  const figures = await medianOfRepeats(repeats, async () => {
    const times = sized.map(() => [] as number[]);
    const counts = sized.map(() => ({ requests: 0, readUnits: 0 }));
    for (let i = 0; i < requests; i++)
      for (const [index, s] of sized.entries()) {
        const start = performance.now();
        const { status, text } = await app.call(s.board, s.path);
        times[index]?.push(performance.now() - start);
        if (status !== 200) throw new Error(`${s.path} of ${s.size} answered ${status}: ${text}`);
        const sent = storage.recording.take();
        const count = counts[index] as { requests: number; readUnits: number };
        count.requests += sent.length / requests;
        count.readUnits += sent.reduce((sum, r) => sum + r.readUnits, 0) / requests;
      }
    const p50s = times.map((t) => percentile(t, 50));
    return Object.fromEntries(
      sized.flatMap((_, i) => [
        [`p50-${i}`, p50s[i] as number],
        [`ratio-${i}`, (p50s[i] as number) / (p50s[0] as number)],
        [`requests-${i}`, counts[i]?.requests ?? 0],
        [`readUnits-${i}`, counts[i]?.readUnits ?? 0],
      ]),
    );
  });
  return sized.map((s, i) => ({
    size: s.size,
    p50: figures[`p50-${i}`] as number,
    ratio: figures[`ratio-${i}`] as number,
    requests: figures[`requests-${i}`] as number,
    readUnits: figures[`readUnits-${i}`] as number,
  }));
}

/** The province's audit records, counted through the audit page (the largest page it hands out). */
async function auditCount(app: BenchApp, board: Actor): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = `/api/audit?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page = JSON.parse((await app.call(board, query)).text) as { items: unknown[]; cursor: string | null };
    count += page.items.length;
    cursor = page.cursor;
  } while (cursor);
  return count;
}

export async function measureScaling(
  app: BenchApp,
  storage: Storage,
  {
    unitCounts,
    auditCounts,
    concurrency,
    requests,
    repeats,
    progress,
  }: {
    unitCounts: number[];
    auditCounts: number[];
    concurrency: number;
    requests: number;
    repeats: number;
    progress: (line: string) => void;
  },
): Promise<ScalingFigures> {
  const started = performance.now();
  let writes = 0;
  const provinces: { size: number; board: Actor; units: Unit[] }[] = [];
  for (const size of unitCounts) {
    const board = await createProvince(`bench-units-${size}`);
    const units = await addUnits(board, size, concurrency);
    storage.recording.take(); // what filling sent is not measured
    writes += size;
    provinces.push({ size, board, units });
    progress(`  ${size} units made (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  const units = await measureSizes(
    app,
    storage,
    provinces.map((p) => ({ size: p.size, board: p.board, path: "/api/units" })),
    { requests, repeats },
  );
  // Each audit size in the smallest province that holds at least as many units as it has records
  // already (one per unit made), topped up with renames of its units.
  const audited: Sized[] = [];
  for (const size of auditCounts) {
    const province = [...provinces].reverse().find((p) => p.size <= size) ?? provinces[0];
    if (!province || audited.some((a) => a.board.tenantId === province.board.tenantId))
      throw new Error(`no province left for ${size} audit records`);
    const missing = size - (await auditCount(app, province.board));
    if (missing > 0) await addAuditRecords(province.board, province.units, missing, concurrency);
    storage.recording.take();
    writes += Math.max(0, missing);
    audited.push({ size: await auditCount(app, province.board), board: province.board, path: "/api/audit" });
    progress(`  ${size} audit records made (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  storage.recording.take();
  const audit = await measureSizes(app, storage, audited, { requests, repeats });
  return { units, audit, fillSeconds: (performance.now() - started) / 1000, writes };
}
