import type { Actor } from "../actor.ts";
import { boardOnly, provinceReaders, provinceScope } from "../db/scope.ts";
import { effectiveRules, type RulesView, readOverride, replaceOverride } from "../rules/index.ts";
import { getBloc } from "./bloc.ts";

/** The rules in force for a bloc the caller may see, with what the bloc itself changes. */
export async function getBlocRules(actor: Actor, blocId: string): Promise<RulesView> {
  const scope = provinceScope(actor, provinceReaders);
  const bloc = await getBloc(actor, blocId);
  const [own, rules] = await Promise.all([readOverride(scope, bloc.blocId), effectiveRules(scope, bloc.blocId)]);
  return { rules, ...own };
}

/** Replaces one bloc's overrides of the province's rules; a stale version answers 409. */
export async function updateBlocRules(actor: Actor, blocId: string, input: unknown): Promise<RulesView> {
  const scope = provinceScope(actor, boardOnly);
  const bloc = await getBloc(actor, blocId);
  await replaceOverride(scope, bloc.blocId, input);
  return getBlocRules(actor, bloc.blocId);
}
