// @ts-expect-error: core exports no data access that takes a province id…
import type { tenantDb } from "@thidua/core/db";
import * as storage from "@thidua/core/db";
// @ts-expect-error: …nor the scopes: routes reach province data only through use cases, which take the verified actor
import type { provinceScope } from "@thidua/core/db/scope";
import { expect, it } from "vitest";

// The two imports above must stay errors for `npm run lint` (tsc) to pass.
export type Unreachable = [typeof tenantDb, typeof provinceScope];

it("offers routes storage set-up only, never a province's data by its id", () => {
  expect(Object.keys(storage).sort()).toEqual([
    "configureDb",
    "createClient",
    "createLimitsStore",
    "ensureLimitsTable",
    "ensureTable",
    "keyPrefix",
    "limitsTableDefinition",
    "streamArnOf",
    "tableDefinition",
  ]);
});
