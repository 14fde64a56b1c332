/*
 * What the deployables need to set up storage: the table definition, a client,
 * the bootstrap, and `configureDb`. Core's modules reach data through the
 * scopes (scope.ts) and write through write.ts; neither is exported from here.
 */
export { ensureTable, streamArnOf } from "./bootstrap.ts";
export { createClient } from "./client.ts";
export { configureDb, type DbConfig } from "./config.ts";
export { keyPrefix, tableDefinition } from "./table.ts";
