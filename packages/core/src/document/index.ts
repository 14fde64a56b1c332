import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import { yearBallots } from "../ballot/index.ts";
import { minutesOf } from "../ballot/minutes.rules.ts";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import { type ParticipationRecord, type YearContext, yearContext } from "../cycle/access.ts";
import type { Registration, Signed } from "../cycle/cycle.rules.ts";
import { conflict, notFound, parseInput } from "../error.ts";
import { documentKey, presignDownload } from "../files/index.ts";
import { rankingOf } from "../score/results.ts";
import { verificationOf } from "../score/sheet.ts";
import {
  CreateDocumentInput,
  type DocumentContent,
  type DocumentDate,
  type DocumentKind,
  type DocumentRenderer,
  documentContentTypes,
  documentExtensions,
  documentFileName,
  type GeneratedDocument,
} from "./document.rules.ts";
import type { Letterhead } from "./letterhead.rules.ts";
import { readLetterhead } from "./letterhead.ts";

export * from "./document.rules.ts";
export * from "./letterhead.rules.ts";
export { getLetterhead, saveLetterhead } from "./letterhead.ts";

type Step =
  | "document.no_closed_ballot"
  | "document.not_ranked"
  | "document.covenant_unsigned"
  | "document.registration_missing";
const notReady = (step: Step, message: string) =>
  conflict("document.not_ready", message, [{ path: "kind", message: step }]);

/** The calendar day of an instant in Vietnam (UTC+7). */
function vietnamDay(instant: string): Required<DocumentDate> {
  const d = new Date(new Date(instant).getTime() + 7 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

async function blocName(ctx: YearContext): Promise<string> {
  const { data } = await ctx.scope.db.bloc.get({ blocId: ctx.year.blocId }).go();
  if (!data) throw notFound("bloc.not_found");
  return data.name;
}

/**
 * The province's letterhead, as its board set it: a document never goes out under a made-up header, so
 * without one the request answers 409 `document.no_letterhead` (the dashboard points to the settings page).
 */
async function letterheadOf(ctx: YearContext): Promise<Letterhead> {
  const { letterhead } = await readLetterhead(ctx.scope);
  if (!letterhead)
    throw conflict("document.no_letterhead", "Set the province's letterhead first", [
      { path: "kind", message: "document.no_letterhead" },
    ]);
  return letterhead;
}

const namesOf = (ctx: YearContext) => Object.fromEntries(ctx.units.map((u) => [u.unitId, u.name]));

async function minutesContent(ctx: YearContext): Promise<DocumentContent> {
  const ballots = await yearBallots(ctx);
  const rounds = minutesOf(ballots);
  if (rounds.length === 0) throw notReady("document.no_closed_ballot", "Close a ballot of the year first");
  const [bloc, awardTypes, letterhead] = await Promise.all([blocName(ctx), awardTypesOf(ctx.scope), letterheadOf(ctx)]);
  const lastClosed = rounds
    .map((r) => r.closed?.at ?? "")
    .sort()
    .at(-1);
  return {
    kind: "minutes",
    input: {
      letterhead,
      bloc,
      year: ctx.year.year,
      members: ctx.year.memberUnitIds.length,
      rounds,
      units: namesOf(ctx),
      awardTypes: Object.fromEntries(awardTypes.map((a) => [a.awardTypeId, a.name])),
      date: lastClosed ? vietnamDay(lastClosed) : { year: ctx.year.year },
      leader: { unitId: ctx.year.leaderUnitId ?? "" },
    },
  };
}

async function scoresContent(ctx: YearContext): Promise<DocumentContent> {
  const ranked = ctx.year.status === "closed" || ctx.year.phase === "ranked";
  if (!ranked || !ctx.table) throw notReady("document.not_ranked", "Rank the year first");
  const ranking = rankingOf(ctx);
  const names = namesOf(ctx);
  const [bloc, letterhead] = await Promise.all([blocName(ctx), letterheadOf(ctx)]);
  const points = Object.fromEntries(
    ranking.entries.map(({ unitId }) => [
      unitId,
      Object.fromEntries(Object.entries(verificationOf(ctx, unitId).lines).map(([id, l]) => [id, l.points])),
    ]),
  );
  return {
    kind: "scores",
    input: {
      bloc,
      year: ctx.year.year,
      table: ctx.table as CriteriaTable,
      units: ranking.entries.map((e) => ({ unitId: e.unitId, name: names[e.unitId] ?? e.unitId, rank: e.rank })),
      points,
      allowNegative: ctx.rules.scale.allowNegative,
      closing: { letterhead, date: vietnamDay(new Date().toISOString()), signer: { title: "KHỐI TRƯỞNG" } },
    },
  };
}

type Filed = Registration & { filed: Signed };

/**
 * The members' registrations in the bloc's order, with what both the covenant and the registration list
 * print of them (targets, aimed titles by name); `ready` says whether each member has done `step`.
 */
async function registeredMembers(ctx: YearContext, ready: (part: ParticipationRecord) => boolean, step: Step) {
  const names = namesOf(ctx);
  const parts = ctx.year.memberUnitIds.map((unitId) => ({ unitId, part: ctx.participations.get(unitId) }));
  if (parts.some(({ part }) => !part?.registration || !ready(part)))
    throw notReady(step, "Every member does its part of the registration first");
  const [bloc, awardTypes, letterhead] = await Promise.all([blocName(ctx), awardTypesOf(ctx.scope), letterheadOf(ctx)]);
  const awardName = (id: string) => awardTypes.find((a) => a.awardTypeId === id)?.name ?? id;
  const members = parts.map(({ unitId, part }) => {
    const registration = part?.registration as Filed;
    return {
      name: names[unitId] ?? unitId,
      targets: registration.targets,
      aims: registration.aims.map(awardName),
      filed: registration.filed,
      covenant: part?.covenant as Signed | undefined,
    };
  });
  return { names, members, bloc, letterhead };
}

/** The day of the latest of these instants (the day a list or a covenant is complete). */
const lastDay = (instants: string[]) => vietnamDay(instants.sort().at(-1) ?? new Date().toISOString());

async function covenantContent(ctx: YearContext): Promise<DocumentContent> {
  const { names, members, bloc, letterhead } = await registeredMembers(
    ctx,
    (part) => !!part.covenant,
    "document.covenant_unsigned",
  );
  const signed = (m: (typeof members)[number]) => m.covenant as Signed;
  return {
    kind: "covenant",
    input: {
      letterhead,
      bloc,
      year: ctx.year.year,
      ...(ctx.year.theme ? { theme: ctx.year.theme } : {}),
      members: members.map((m) => ({
        name: m.name,
        targets: m.targets,
        aims: m.aims,
        signed: { byName: signed(m).byName, date: vietnamDay(signed(m).at) },
      })),
      date: lastDay(members.map((m) => signed(m).at)),
      leader: names[ctx.year.leaderUnitId ?? ""] ?? "",
      deputies: ctx.year.deputyUnitIds.map((id) => names[id] ?? id),
    },
  };
}

async function registrationContent(ctx: YearContext): Promise<DocumentContent> {
  const { names, members, bloc, letterhead } = await registeredMembers(
    ctx,
    () => true,
    "document.registration_missing",
  );
  return {
    kind: "registration",
    input: {
      bloc,
      year: ctx.year.year,
      members: members.map((m) => ({
        name: m.name,
        targets: m.targets,
        aims: m.aims,
        filed: { byName: m.filed.byName, date: vietnamDay(m.filed.at) },
      })),
      closing: {
        letterhead,
        date: lastDay(members.map((m) => m.filed.at)),
        signer: { title: "KHỐI TRƯỞNG", note: names[ctx.year.leaderUnitId ?? ""] ?? "" },
      },
    },
  };
}

const contentOf: Record<DocumentKind, (ctx: YearContext) => Promise<DocumentContent>> = {
  minutes: minutesContent,
  scores: scoresContent,
  covenant: covenantContent,
  registration: registrationContent,
};

/**
 * What a bloc-year's document says, as the plain data `@thidua/documents` draws: for the readers of the
 * year only (another province's bloc, or a year the caller may not see, answers 404). The registration
 * list needs every member registered, the covenant every member registered and signed, the minutes a closed ballot, the score table a ranked year: 409
 * `document.not_ready` naming the missing step.
 */
export async function prepareDocument(
  actor: Actor,
  blocId: string,
  year: number,
  kind: DocumentKind,
): Promise<{ ctx: YearContext; content: DocumentContent }> {
  const ctx = await yearContext(actor, blocId, year, { units: true });
  const content = await contentOf[kind](ctx);
  return { ctx, content };
}

/**
 * Draws a bloc-year's document with `render` (which stores it under the province's `documents/` prefix)
 * and answers a short-lived URL to download it under a readable name.
 */
export async function createDocument(
  actor: Actor,
  blocId: string,
  year: number,
  input: unknown,
  render: DocumentRenderer,
): Promise<GeneratedDocument> {
  const { kind } = parseInput(CreateDocumentInput, input);
  const { ctx, content } = await prepareDocument(actor, blocId, year, kind);
  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const key = documentKey(ctx.scope, { blocId, year, name: `${kind}-${stamp}.${documentExtensions[kind]}` });
  const contentType = documentContentTypes[kind];
  const { size } = await render({ ...content, tenantId: ctx.scope.tenantId, key, contentType });
  const fileName = documentFileName(kind, year);
  const { url, expiresAt } = await presignDownload(ctx.scope, key, { fileName });
  return { kind, fileName, url, size, contentType, expiresAt };
}
