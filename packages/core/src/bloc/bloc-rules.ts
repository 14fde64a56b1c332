import type { Actor } from "../actor.ts";
import { boardOnly, provinceReaders, provinceScope } from "../db/scope.ts";
import { defaultRules, type RulesView, readOverrides, replaceOverride, resolveRules } from "../rules/index.ts";
import { assertBlocActive, getBloc } from "./bloc.ts";

/** The rules in force for a bloc the caller may see, with what the bloc itself changes. */
export async function getBlocRules(actor: Actor, blocId: string): Promise<RulesView> {
  const scope = provinceScope(actor, provinceReaders);
  // Read beside the bloc and shown only once the bloc is found visible.
  const [, { province, bloc: own }] = await Promise.all([getBloc(actor, blocId), readOverrides(scope, blocId)]);
  return { rules: resolveRules(defaultRules, province.override, own.override), ...own };
}

/** Replaces one bloc's overrides of the province's rules; a stale version answers 409. */
export async function updateBlocRules(actor: Actor, blocId: string, input: unknown): Promise<RulesView> {
  const scope = provinceScope(actor, boardOnly);
  const bloc = await getBloc(actor, blocId);
  assertBlocActive(bloc);
  await replaceOverride(scope, bloc.blocId, input);
  return getBlocRules(actor, bloc.blocId);
}
