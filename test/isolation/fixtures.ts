import { randomUUID } from "node:crypto";
import { createBloc } from "@thidua/core/bloc";
import { updateTenant } from "@thidua/core/tenant";
import { createUnit } from "@thidua/core/unit";
import { freshTenant, operator } from "@thidua/test/support";

/**
 * Data of province A that province B must never reach. Each path parameter of
 * the API names one of A's resources here; a new resource adds its parameter.
 */
export async function isolationFixtures() {
  const a = await freshTenant("iso-a");
  const b = await freshTenant("iso-b");
  const suspended = await freshTenant("iso-s");
  await updateTenant(operator, suspended.tenantId, { status: "suspended", version: 1 });
  const secret = `Bí mật ${randomUUID()}`;
  const unit = await createUnit(a.board, { name: `Sở ${secret}`, kind: "state_agency" });
  const bloc = await createBloc(a.board, { name: `Khối ${secret}`, kind: "bloc" });
  return {
    a,
    b,
    suspended,
    /** Values for each path parameter, all belonging to province A. */
    paramsOfA: { tenantId: a.tenantId, unitId: unit.unitId, blocId: bloc.blocId, year: "2025" } as Record<
      string,
      string
    >,
    /** Strings that appear only in A's data; none may show up in an answer to B. */
    markersOfA: [a.tenantId, secret, unit.unitId, bloc.blocId],
  };
}
