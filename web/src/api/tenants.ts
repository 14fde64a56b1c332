import { queryOptions } from "@tanstack/react-query";
import type { CreateTenantInput, Tenant, UpdateTenantInput } from "@thidua/core/tenant/rules";
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

export const createTenant = (input: CreateTenantInput) => call(tenants.$post({ json: input }));

export const updateTenant = (tenantId: string, changes: z.input<typeof UpdateTenantInput>) =>
  call(tenants[":tenantId"].$patch({ param: params({ tenantId }), json: changes }));
