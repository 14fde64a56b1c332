import { Entity, type EntityItem, Service } from "electrodb";
import { accountSchema } from "../account/account.entity.ts";
import { auditSchema } from "../audit/audit.entity.ts";
import { awardTypeSchema } from "../award/award-type.entity.ts";
import { ballotMarkSchema, ballotPaperSchema, ballotSchema } from "../ballot/ballot.entity.ts";
import { blocSchema } from "../bloc/bloc.entity.ts";
import { blocYearSchema } from "../bloc/bloc-year.entity.ts";
import { membershipSchema } from "../bloc/membership.entity.ts";
import { criteriaSchema } from "../criteria/criteria.entity.ts";
import { participationSchema } from "../cycle/participation.entity.ts";
import { letterheadSchema } from "../document/letterhead.entity.ts";
import { importJobSchema } from "../import/import-job.entity.ts";
import { importLockSchema } from "../import/import-lock.entity.ts";
import { nameClaimSchema } from "../names/name-claim.entity.ts";
import { proposalSchema, provinceUseSchema, quotaUseSchema, unitAwardSchema } from "../proposal/proposal.entity.ts";
import { quotaSchema } from "../quota/quota.entity.ts";
import { quotaRevisionSchema } from "../quota/quota-revision.entity.ts";
import { ruleOverrideSchema } from "../rules/rules.entity.ts";
import { unitSchema } from "../unit/unit.entity.ts";
import { bindTenant } from "./bind.ts";
import { cachedPerConfig, currentConfig, entityConfig } from "./config.ts";

/** Every entity whose items belong to one province (keys `T#<tenantId>#…`). A new tenant entity joins here. */
export const tenantSchemas = {
  audit: auditSchema,
  unit: unitSchema,
  nameClaim: nameClaimSchema,
  ruleOverride: ruleOverrideSchema,
  bloc: blocSchema,
  blocYear: blocYearSchema,
  membership: membershipSchema,
  importJob: importJobSchema,
  importLock: importLockSchema,
  awardType: awardTypeSchema,
  quota: quotaSchema,
  quotaRevision: quotaRevisionSchema,
  criteria: criteriaSchema,
  account: accountSchema,
  participation: participationSchema,
  ballot: ballotSchema,
  ballotMark: ballotMarkSchema,
  ballotPaper: ballotPaperSchema,
  proposal: proposalSchema,
  quotaUse: quotaUseSchema,
  provinceUse: provinceUseSchema,
  unitAward: unitAwardSchema,
  letterhead: letterheadSchema,
} as const;

function buildProvince(tenantId: string) {
  const { clientForTenant, client } = currentConfig();
  const config = entityConfig(clientForTenant?.(tenantId) ?? client);
  return new Service(
    {
      audit: new Entity(bindTenant(auditSchema, tenantId), config),
      unit: new Entity(bindTenant(unitSchema, tenantId), config),
      nameClaim: new Entity(bindTenant(nameClaimSchema, tenantId), config),
      ruleOverride: new Entity(bindTenant(ruleOverrideSchema, tenantId), config),
      bloc: new Entity(bindTenant(blocSchema, tenantId), config),
      blocYear: new Entity(bindTenant(blocYearSchema, tenantId), config),
      membership: new Entity(bindTenant(membershipSchema, tenantId), config),
      importJob: new Entity(bindTenant(importJobSchema, tenantId), config),
      importLock: new Entity(bindTenant(importLockSchema, tenantId), config),
      awardType: new Entity(bindTenant(awardTypeSchema, tenantId), config),
      quota: new Entity(bindTenant(quotaSchema, tenantId), config),
      quotaRevision: new Entity(bindTenant(quotaRevisionSchema, tenantId), config),
      criteria: new Entity(bindTenant(criteriaSchema, tenantId), config),
      account: new Entity(bindTenant(accountSchema, tenantId), config),
      participation: new Entity(bindTenant(participationSchema, tenantId), config),
      ballot: new Entity(bindTenant(ballotSchema, tenantId), config),
      ballotMark: new Entity(bindTenant(ballotMarkSchema, tenantId), config),
      ballotPaper: new Entity(bindTenant(ballotPaperSchema, tenantId), config),
      proposal: new Entity(bindTenant(proposalSchema, tenantId), config),
      quotaUse: new Entity(bindTenant(quotaUseSchema, tenantId), config),
      provinceUse: new Entity(bindTenant(provinceUseSchema, tenantId), config),
      unitAward: new Entity(bindTenant(unitAwardSchema, tenantId), config),
      letterhead: new Entity(bindTenant(letterheadSchema, tenantId), config),
    },
    config,
  );
}

/**
 * The entities of one province, bound to it (cached per province). Only the
 * scopes in this folder call it: core's use cases reach a province through the
 * actor, never by naming its id.
 */
export const provinceService = cachedPerConfig(buildProvince);

export type ProvinceService = ReturnType<typeof buildProvince>;
export type ProvinceEntities = ProvinceService["entities"];
/** The entities as a write transaction's callback receives them. */
export type ProvinceTx = Parameters<Parameters<ProvinceService["transaction"]["write"]>[0]>[0];
/** An item of one of the province's entities, as stored. */
export type ProvinceItem<N extends keyof ProvinceEntities> = EntityItem<ProvinceEntities[N]>;
