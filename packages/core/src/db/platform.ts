import { Entity, Service } from "electrodb";
import { identitySchema } from "../identity/identity.entity.ts";
import { tenantSchema } from "../tenant/tenant.entity.ts";
import { currentConfig, entityConfig, oncePerConfig } from "./config.ts";

/** Entities of the platform's own items (`P#`): the tenant registry and the local identity provider's accounts. */
export const platformSchemas = { tenant: tenantSchema, identity: identitySchema } as const;

const platformService = oncePerConfig(() => {
  const config = entityConfig(currentConfig().client);
  return new Service(
    { tenant: new Entity(tenantSchema, config), identity: new Entity(identitySchema, config) },
    config,
  );
});

/**
 * The platform's entities. Imported only by the tenant and identity modules
 * (a dependency rule), which check the caller's role themselves: the operator
 * manages provinces, sign-in reads an account before any actor exists.
 */
export const platformEntities = () => platformService().entities;
