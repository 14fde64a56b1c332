import { queryOptions } from "@tanstack/react-query";
import type { BoardAccountInput, OnboardProvinceInput } from "@thidua/core/account/rules";
import type { Tenant, UpdateTenantInput } from "@thidua/core/tenant/rules";
import type { z } from "zod";
import { api, call, params } from "./client.ts";

export type { Tenant };

export const tenantKeys = { all: ["tenants"] as const };

const { tenants } = api.tenants;

export const tenantsQuery = () =>
  queryOptions({
    queryKey: tenantKeys.all,
    queryFn: async () => (await call(tenants.$get())).items,
  });

/** Onboards a province with its first board member, invited at once. */
export const createTenant = (input: OnboardProvinceInput) => call(tenants.$post({ json: input }));
export type Onboarded = Awaited<ReturnType<typeof createTenant>>;

export const updateTenant = (tenantId: string, changes: z.input<typeof UpdateTenantInput>) =>
  call(tenants[":tenantId"].$patch({ param: params({ tenantId }), json: changes }));

/** Adds a board member to a province: invited at once. */
export const addBoardAccount = (tenantId: string, input: BoardAccountInput) =>
  call(tenants[":tenantId"].accounts.$post({ param: params({ tenantId }), json: input }));
