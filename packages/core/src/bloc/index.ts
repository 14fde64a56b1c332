export * from "./bloc.rules.ts";
export {
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
export { getBlocYear, openYear, setMembers, setSeats } from "./bloc-year.ts";
