import { provinceService } from "./province.ts";

/**
 * A province's entities by id, for tests that must set up a state no use case
 * makes yet (a closed year). Only test files may import this (a dependency rule).
 */
export const provinceEntitiesForTests = (tenantId: string) => provinceService(tenantId).entities;
