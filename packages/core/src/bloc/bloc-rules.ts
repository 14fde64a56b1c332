import type { Actor } from "../actor.ts";
import { boardOnly, provinceReaders, provinceScope } from "../db/scope.ts";
import {
  defaultRules,
  PROVINCE_LEVEL,
  type RulesView,
  readOverride,
  replaceOverride,
  resolveRules,
} from "../rules/index.ts";
import { assertBlocActive, getBloc } from "./bloc.ts";

/** The rules in force for a bloc the caller may see, with what the bloc itself changes. */
export async function getBlocRules(actor: Actor, blocId: string): Promise<RulesView> {
  const scope = provinceScope(actor, provinceReaders);
  const bloc = await getBloc(actor, blocId);
  const [province, own] = await Promise.all([readOverride(scope, PROVINCE_LEVEL), readOverride(scope, bloc.blocId)]);
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
