import type { CommandClass, DynamoClient, SentRequest } from "./recorder.ts";

/**
 * The requests in the waves the app sent them: a request that started before every request of the
 * current wave had ended was sent in parallel with them (a Promise.all), so the replay does the same.
 */
export function wavesOf(requests: readonly SentRequest[]): SentRequest[][] {
  const waves: SentRequest[][] = [];
  let wave: SentRequest[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const request of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
    if (wave.length > 0 && request.startedAt >= firstEnd) {
      waves.push(wave);
      wave = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    wave.push(request);
    firstEnd = Math.min(firstEnd, request.endedAt);
  }
  if (wave.length > 0) waves.push(wave);
  return waves;
}

/** A copy of `input` with every mention of table `from` (names, batch keys) naming `to`. */
export function retarget<T>(input: T, from: string, to: string): T {
  if (Array.isArray(input)) return input.map((item) => retarget(item, from, to)) as T;
  if (typeof input !== "object" || input === null) return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key === from ? to : key,
      key === "TableName" && value === from ? to : retarget(value, from, to),
    ]),
  ) as T;
}

type Send = (command: unknown) => Promise<unknown>;

/** Requests ready to send again: retargeted at another table if asked, outside the timed part. */
export type Prepared = { command: CommandClass; input: Record<string, unknown> }[][];

export function prepare(waves: readonly SentRequest[][], table?: { from: string; to: string }): Prepared {
  return waves.map((wave) =>
    wave.map(({ command, input }) => ({ command, input: table ? retarget(input, table.from, table.to) : input })),
  );
}

/**
 * Sends the recorded requests again, wave after wave, through a plain client: the DynamoDB time a route
 * would take if it were nothing but its requests. Answers how many failed (a condition not met), which
 * should be those that failed for the app.
 */
export async function replay(client: DynamoClient, prepared: Prepared): Promise<{ failed: number }> {
  const send = client.send.bind(client) as unknown as Send;
  let failed = 0;
  for (const wave of prepared)
    await Promise.all(
      wave.map(({ command, input }) =>
        send(new command(input)).catch(() => {
          failed += 1;
        }),
      ),
    );
  return { failed };
}
