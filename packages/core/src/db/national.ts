import { Entity, Service } from "electrodb";
import { nationalSummarySchema } from "../national/national-summary.entity.ts";
import { currentConfig, entityConfig, oncePerConfig } from "./config.ts";
import { type ProvinceEntities, provinceService } from "./province.ts";

/** Entities of the national aggregates (`N#`). */
export const nationalSchemas = { nationalSummary: nationalSummarySchema } as const;

// The API reads through the national role when one is configured; the aggregator writes with its own client.
const nationalService = oncePerConfig(() => {
  const { client, clientForNational } = currentConfig();
  const config = entityConfig(clientForNational?.() ?? client);
  return new Service({ nationalSummary: new Entity(nationalSummarySchema, config) }, config);
});

/** The national aggregates. Imported only by the national module (a dependency rule). */
export const nationalEntities = () => nationalService().entities;

/**
 * A province's entities for the aggregator, which recomputes a province's
 * summary from the province's own data. The province id comes from the key of
 * a stream record (written by the API under a verified token), never from a
 * request. Only the national module may import this file.
 */
export const provinceForAggregation = (tenantIdFromStream: string): ProvinceEntities =>
  provinceService(tenantIdFromStream).entities;
