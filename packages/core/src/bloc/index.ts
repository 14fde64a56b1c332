export * from "./bloc.rules.ts";
export {
  assertBlocActive,
  blocActive,
  blocsFollowedBy,
  blocsOf,
  createBloc,
  followChanges,
  getBloc,
  listBlocs,
  setBlocArchived,
  updateBloc,
} from "./bloc.ts";
export { getBlocRules, updateBlocRules } from "./bloc-rules.ts";
export {
  assertMemberChangeSize,
  blocYearSaved,
  emptyBlocYear,
  getBlocYear,
  memberJoined,
  openYear,
  setMembers,
  setSeats,
  unitActive,
} from "./bloc-year.ts";
