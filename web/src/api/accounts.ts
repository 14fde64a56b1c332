import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import type {
  AccountView,
  InviteAccountInput,
  InvitePlatformAccountInput,
  PlatformAccount,
  UpdateAccountInput,
  UpdatePlatformAccountInput,
} from "@thidua/core/account/rules";
import { api, call, params } from "./client.ts";

export type { AccountView, PlatformAccount };

export const accountKeys = { all: ["accounts"] as const, platform: ["platform-accounts"] as const };

export interface AccountFilter {
  q?: string;
  role?: string;
  unitId?: string;
  status?: string;
}

const PAGE_SIZE = 50;
const { accounts } = api.accounts;
const one = accounts[":userId"];

/** The province's people in name order, a page at a time; the server filters and searches. */
export const accountsQuery = (filter: AccountFilter) =>
  infiniteQueryOptions({
    queryKey: [...accountKeys.all, filter] as const,
    queryFn: ({ pageParam }) => {
      const set = Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
      const query = { ...set, limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) };
      return call(accounts.$get({ query }));
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
    // While a new search or filter is answered, the list shows the previous answer, not a spinner.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const inviteAccount = (input: InviteAccountInput) => call(accounts.$post({ json: input }));

export const updateAccount = (userId: string, changes: UpdateAccountInput) =>
  call(one.$patch({ param: params({ userId }), json: changes }));

export const resendInvitation = (userId: string) => call(one.invitation.$post({ param: params({ userId }) }));

const platform = api.platformAccounts.platform.accounts;

/** The operators and national viewers. */
export const platformAccountsQuery = () =>
  queryOptions({ queryKey: accountKeys.platform, queryFn: async () => (await call(platform.$get())).items });

export const invitePlatformAccount = (input: InvitePlatformAccountInput) => call(platform.$post({ json: input }));

export const updatePlatformAccount = (userId: string, changes: UpdatePlatformAccountInput) =>
  call(platform[":userId"].$patch({ param: params({ userId }), json: changes }));

export const resendPlatformInvitation = (userId: string) =>
  call(platform[":userId"].invitation.$post({ param: params({ userId }) }));

/** What the local identity provider would have mailed (local runtime, operator only). */
export const outboxQuery = () =>
  queryOptions({
    queryKey: ["outbox"],
    queryFn: async () => (await call(api.authLocalSignedIn.auth.local.outbox.$get())).items,
  });
