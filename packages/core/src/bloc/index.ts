export * from "./bloc.rules.ts";
export { createBloc, getBloc, getBlocYear, listBlocs, updateBloc } from "./bloc.ts";
export { openYear, setMembers, setSeats } from "./bloc-year.ts";
