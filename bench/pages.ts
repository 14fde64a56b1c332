import type { Actor } from "@thidua/core/actor";
import type { Unit } from "@thidua/core/unit";
import { national } from "./fixture.ts";
import type { Route } from "./latency.ts";

const get = (label: string, actor: Actor, path: string): Route => ({
  label,
  actor,
  write: false,
  next: () => ({ method: "GET", path }),
});

/** The pages people open most, and the two writes a board makes most, on one province. */
export function mainRoutes(board: Actor, blocId: string, unit: Unit): Route[] {
  let created = 0;
  let version = unit.version;
  let edits = 0;
  return [
    get("units list", board, "/api/units"),
    get("blocs list", board, "/api/blocs"),
    get("bloc-year", board, `/api/blocs/${blocId}/years/2025`),
    get("criteria", board, `/api/blocs/${blocId}/criteria`),
    get("audit list", board, "/api/audit"),
    get("national overview", national, "/api/national/overview?year=2025"),
    {
      label: "create unit",
      actor: board,
      write: true,
      next: () => ({ method: "POST", path: "/api/units", body: { name: `Đơn vị mới ${++created}`, kind: "other" } }),
    },
    {
      label: "update unit",
      actor: board,
      write: true,
      next: () => ({
        method: "PATCH",
        path: `/api/units/${unit.unitId}`,
        body: { shortName: `Viết tắt ${++edits}`, version },
        answered: (text) => {
          version = (JSON.parse(text) as Unit).version;
        },
      }),
    },
  ];
}
