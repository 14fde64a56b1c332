import { type Actor, assertRole, type Role } from "../actor.ts";
import { forbidden } from "../error.ts";
import { type ProvinceEntities, type ProvinceService, provinceService } from "./province.ts";

/**
 * A province as one actor reaches it: the actor (whom audit records name) and
 * the province's entities, bound to the actor's province. The only way for a
 * use case to reach tenant data; a scope cannot be pointed at another province.
 */
export interface ProvinceScope {
  readonly actor: Actor;
  /** The province, for what lives outside the table: the identity provider's claims. */
  readonly tenantId: string;
  readonly db: ProvinceEntities;
  /** For the write path (db/write.ts) only. */
  readonly service: ProvinceService;
}

/** The caller's province, for one of `roles`; other roles answer 403, accounts without a province too. */
export function provinceScope(actor: Actor, roles: readonly Role[]): ProvinceScope {
  assertRole(actor, roles);
  if (!actor.tenantId) throw forbidden("actor.no_tenant", "This action needs a province account");
  const service = provinceService(actor.tenantId);
  return { actor, tenantId: actor.tenantId, db: service.entities, service };
}

/**
 * A province as the operator reaches it to give it board accounts: the operator names the province
 * (operator routes are the only ones that do), and audit records name the operator. The caller checks
 * that the province exists.
 */
export function operatorScope(actor: Actor, tenantId: string): ProvinceScope {
  assertRole(actor, ["operator"]);
  const service = provinceService(tenantId);
  return { actor, tenantId, db: service.entities, service };
}

/** Everyone in a province reads; the board writes. */
export const provinceReaders: readonly Role[] = ["board", "council", "unit"];
export const boardOnly: readonly Role[] = ["board"];
