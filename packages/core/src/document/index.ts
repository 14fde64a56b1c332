import type { Actor } from "../actor.ts";
import { awardTypesOf } from "../award/index.ts";
import { yearBallots } from "../ballot/index.ts";
import { minutesOf } from "../ballot/minutes.rules.ts";
import type { CriteriaTable } from "../criteria/criteria.rules.ts";
import { type ParticipationRecord, type YearContext, yearContext } from "../cycle/access.ts";
import type { Registration, Signed } from "../cycle/cycle.rules.ts";
import { parseInput } from "../error.ts";
import { documentKey, presignDownload } from "../files/index.ts";
import { rankingOf } from "../score/results.ts";
import { verificationOf } from "../score/sheet.ts";
import {
  CreateDocumentInput,
  type DocumentContent,
  type DocumentKind,
  type DocumentPreview,
  type DocumentPreviewer,
  type DocumentRenderer,
  documentContentTypes,
  documentExtensions,
  documentFileName,
  type GeneratedDocument,
} from "./document.rules.ts";
import { decisionData, proposalData } from "./proposal-content.ts";
import { midYearReportData, yearEndReportData } from "./report-content.ts";
import { blocName, isRanked, lastDay, letterheadOf, namesOf, notReady, type Step, vietnamDay } from "./sources.ts";

export * from "./document.rules.ts";
export * from "./letterhead.rules.ts";
export { getLetterhead, saveLetterhead } from "./letterhead.ts";

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
  if (!isRanked(ctx) || !ctx.table) throw notReady("document.not_ranked", "Rank the year first");
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
      closing: {
        letterhead,
        date: vietnamDay(new Date().toISOString()),
        signer: { title: "KHỐI TRƯỞNG", note: names[ctx.year.leaderUnitId ?? ""] ?? "" },
      },
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
  midYearReport: async (ctx) => ({ kind: "midYearReport", input: await midYearReportData(ctx) }),
  yearEndReport: async (ctx) => ({ kind: "yearEndReport", input: await yearEndReportData(ctx) }),
  proposal: async (ctx) => ({ kind: "proposal", input: await proposalData(ctx) }),
  proposalList: async (ctx) => ({ kind: "proposalList", input: await proposalData(ctx) }),
  decision: async (ctx) => ({ kind: "decision", input: await decisionData(ctx) }),
};

/**
 * What a bloc-year's document says, as the plain data `@thidua/documents` draws: for the readers of the
 * year only (another province's bloc, or a year the caller may not see, answers 404). Each waits for its
 * step, and answers 409 `document.not_ready` naming it: every member registered (the registration list)
 * and signed (the covenant), the mid-year summary published (the mid-year report), a closed ballot (the
 * minutes), a ranked year (the score table, the year-end draft), a proposal standing (the memo and its
 * list), an approval (the decision).
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

/** Draws a bloc-year's document as an HTML page with `preview`, for the reader to check before downloading. */
export async function previewDocument(
  actor: Actor,
  blocId: string,
  year: number,
  input: unknown,
  preview: DocumentPreviewer,
): Promise<DocumentPreview> {
  const { kind } = parseInput(CreateDocumentInput, input);
  const { content } = await prepareDocument(actor, blocId, year, kind);
  return { kind, fileName: documentFileName(kind, year), html: await preview(content) };
}
