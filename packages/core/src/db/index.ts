/*
 * What the deployables need to set up storage: the table definition, a client,
 * the bootstrap, and `configureDb`. Core's modules reach data through the
 * scopes (scope.ts) and write through write.ts; neither is exported from here.
 */
export { ensureLimitsTable, ensureTable, streamArnOf } from "./bootstrap.ts";
export { createClient, createLimitsStore, type LimitsStore } from "./client.ts";
export { configureDb, type DbConfig } from "./config.ts";
export { keyPrefix, limitsTableDefinition, tableDefinition } from "./table.ts";
