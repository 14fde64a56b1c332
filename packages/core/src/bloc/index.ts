export * from "./bloc.rules.ts";
export {
  assertBlocActive,
  blocActive,
  blocSeenBy,
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
  type BlocYearRecord,
  blocYearSaved,
  blocYearTouched,
  blocYearView,
  emptyBlocYear,
  getBlocYear,
  leadsYear,
  memberJoined,
  openYear,
  seatElected,
  setMembers,
  setSeats,
  unitActive,
  yearExtras,
} from "./bloc-year.ts";
