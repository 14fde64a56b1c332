import { queryOptions } from "@tanstack/react-query";
import { type CreateTenantInput, Tenant } from "@thidua/core/tenant/rules";
import { z } from "zod";
import { request } from "./client.ts";

export type { Tenant };

const TenantList = z.object({ items: z.array(Tenant) });

export const tenantKeys = { all: ["tenants"] as const };

export const tenantsQuery = () =>
  queryOptions({
    queryKey: tenantKeys.all,
    queryFn: async () => (await request("/api/tenants", TenantList)).items,
  });

export const createTenant = (input: CreateTenantInput) =>
  request("/api/tenants", Tenant, { method: "POST", body: input });

export const updateTenant = (
  tenantId: string,
  changes: { status?: Tenant["status"]; name?: string; version: number },
) => request(`/api/tenants/${encodeURIComponent(tenantId)}`, Tenant, { method: "PATCH", body: changes });
