import { callerOf, freshTenant, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

const idsOf = (res: { body: { items: { awardTypeId: string }[] } }) => res.body.items.map((t) => t.awardTypeId);

describe("award types", () => {
  it("shows every role the built-in defaults before anything is written", async () => {
    const t = await freshTenant();
    for (const actor of [t.board, t.council, t.unit]) {
      const res = await as(actor, "/api/award-types");
      expect(res.status).toBe(200);
      expect(idsOf(res)).toEqual([
        "provincial-flag",
        "government-flag",
        "certificate-of-merit",
        "excellent-collective",
      ]);
    }
    const [provincial, government] = (await as(t.unit, "/api/award-types")).body.items;
    expect(provincial).toEqual({
      awardTypeId: "provincial-flag",
      name: "Cờ thi đua của UBND tỉnh",
      level: "collective",
      prerequisites: [],
      yearsInRow: [],
      leaderOnly: true,
      active: true,
      order: 10,
      builtIn: true,
      version: 0,
    });
    expect(government).toMatchObject({ prerequisites: ["provincial-flag"], leaderOnly: true, version: 0 });
  });

  it("edits a default with version 0, audits it, and refuses a stale edit", async () => {
    const t = await freshTenant();
    const edited = await as(t.board, "/api/award-types/certificate-of-merit", "PATCH", {
      name: "Bằng khen của UBND tỉnh",
      order: 5,
      version: 0,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Bằng khen của UBND tỉnh", order: 5, builtIn: true, version: 1 });
    const list = await as(t.council, "/api/award-types");
    expect(idsOf(list)[0]).toBe("certificate-of-merit");
    expect(list.body.items).toHaveLength(4);

    const stale = await as(t.board, "/api/award-types/certificate-of-merit", "PATCH", { active: false, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("award_type.stale");

    const audit = await as(t.board, "/api/audit?entity=awardType&entityId=certificate-of-merit");
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      action: "update",
      before: { name: "Bằng khen của Chủ tịch UBND tỉnh", version: 0 },
      after: { name: "Bằng khen của UBND tỉnh", version: 1 },
    });
  });

  it("adds an award type with an id from its name, suffixed when taken", async () => {
    const t = await freshTenant();
    const body = { name: "Giấy khen của Giám đốc Sở", level: "individual", prerequisites: [], leaderOnly: false };
    const first = await as(t.board, "/api/award-types", "POST", body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      awardTypeId: "giay-khen-cua-giam-doc-so",
      name: "Giấy khen của Giám đốc Sở",
      level: "individual",
      prerequisites: [],
      yearsInRow: [],
      leaderOnly: false,
      active: true,
      order: 50,
      builtIn: false,
      version: 1,
    });
    // The same name again is refused; a name that differs only in punctuation gets the next id.
    const twice = await as(t.board, "/api/award-types", "POST", { ...body, name: "giấy khen của giám đốc sở" });
    expect([twice.status, twice.body.error?.code]).toEqual([409, "award_type.name_taken"]);
    expect(twice.body.error.fields).toEqual([{ path: "name", message: "award_type.name_taken" }]);
    expect(
      (await as(t.board, "/api/award-types", "POST", { ...body, name: "Giấy khen của Giám đốc Sở." })).body.awardTypeId,
    ).toBe("giay-khen-cua-giam-doc-so-2");
    // A name whose slug is a default's id does not take the default's place.
    const clash = await as(t.board, "/api/award-types", "POST", { ...body, name: "Provincial flag" });
    expect(clash.body.awardTypeId).toBe("provincial-flag-2");
    expect(idsOf(await as(t.unit, "/api/award-types"))).toHaveLength(7);
  });

  it("deletes an own type nothing names, with its name; a built-in one or one in use is deactivated instead", async () => {
    const t = await freshTenant();
    const { body: own } = await as(t.board, "/api/award-types", "POST", { name: "Giấy khen", level: "collective" });
    const { body: needs } = await as(t.board, "/api/award-types", "POST", {
      name: "Bằng khen của Sở",
      level: "collective",
      prerequisites: [own.awardTypeId],
    });
    const builtIn = await as(t.board, "/api/award-types/provincial-flag?version=1", "DELETE");
    expect([builtIn.status, builtIn.body.error?.code]).toEqual([409, "award_type.built_in"]);
    const required = await as(t.board, `/api/award-types/${own.awardTypeId}?version=1`, "DELETE");
    expect([required.status, required.body.error?.code]).toEqual([409, "award_type.in_use"]);

    // Named by a bloc's quotas, any year: in use too.
    const unit = (await as(t.board, "/api/units", "POST", { name: "Sở Y tế", kind: "state_agency" })).body.unitId;
    const { body: bloc } = await as(t.board, "/api/blocs", "POST", { name: "Khối các sở", kind: "bloc" });
    await as(t.board, `/api/blocs/${bloc.blocId}/years/2024/members`, "PUT", { unitIds: [unit], version: 0 });
    await as(t.board, `/api/blocs/${bloc.blocId}/years/2024/quotas`, "PUT", {
      items: [{ awardTypeId: needs.awardTypeId, mode: "count", value: 1 }],
      version: 0,
    });
    expect((await as(t.board, `/api/award-types/${needs.awardTypeId}?version=1`, "DELETE")).body.error?.code).toBe(
      "award_type.in_use",
    );
    await as(t.board, `/api/blocs/${bloc.blocId}/years/2024/quotas`, "PUT", { items: [], version: 1 });

    expect((await as(t.board, `/api/award-types/${needs.awardTypeId}?version=1`, "DELETE")).status).toBe(204);
    expect((await as(t.board, `/api/award-types/${own.awardTypeId}?version=2`, "DELETE")).status).toBe(409);
    expect((await as(t.board, `/api/award-types/${own.awardTypeId}?version=1`, "DELETE")).status).toBe(204);
    expect(idsOf(await as(t.board, "/api/award-types"))).toHaveLength(4);
    // Their names are free again; the trail keeps what they were.
    expect((await as(t.board, "/api/award-types", "POST", { name: "Giấy khen", level: "collective" })).status).toBe(
      201,
    );
    const trail = await as(t.board, `/api/audit?entity=awardType&entityId=${needs.awardTypeId}`);
    expect(trail.body.items[0]).toMatchObject({ action: "delete", before: { name: "Bằng khen của Sở" } });
  });

  it("refuses a built-in type's name, and a rename onto another type's name", async () => {
    const t = await freshTenant();
    const builtIn = await as(t.board, "/api/award-types", "POST", {
      name: "cờ thi đua của ubnd tỉnh",
      level: "collective",
    });
    expect([builtIn.status, builtIn.body.error?.code]).toEqual([409, "award_type.name_taken"]);
    const own = await as(t.board, "/api/award-types", "POST", { name: "Giấy khen", level: "collective" });
    const onto = await as(t.board, `/api/award-types/${own.body.awardTypeId}`, "PATCH", {
      name: "Bằng khen của Chủ tịch UBND tỉnh",
      version: 1,
    });
    expect(onto.body.error?.code).toBe("award_type.name_taken");
    // Renamed, the type frees its old name for another.
    const renamed = await as(t.board, `/api/award-types/${own.body.awardTypeId}`, "PATCH", {
      name: "Giấy khen của Sở",
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect((await as(t.board, "/api/award-types", "POST", { name: "Giấy khen", level: "collective" })).status).toBe(
      201,
    );
  });

  it("rejects unknown prerequisites, self-references and cycles by position", async () => {
    const t = await freshTenant();
    const unknown = await as(t.board, "/api/award-types", "POST", {
      name: "Cờ thi đua cụm",
      level: "collective",
      prerequisites: ["provincial-flag", "khong-co"],
      leaderOnly: true,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([
      { path: "prerequisites.1", message: "award_type.unknown_prerequisite" },
    ]);

    const custom = await as(t.board, "/api/award-types", "POST", {
      name: "Cờ thi đua cụm",
      level: "collective",
      prerequisites: ["government-flag"],
      leaderOnly: true,
    });
    expect(custom.status).toBe(201);
    // provincial-flag ← government-flag ← custom: requiring custom for the provincial flag closes a loop.
    const cycle = await as(t.board, "/api/award-types/provincial-flag", "PATCH", {
      prerequisites: ["certificate-of-merit", custom.body.awardTypeId],
      version: 0,
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields).toEqual([{ path: "prerequisites.1", message: "award_type.prerequisite_cycle" }]);
    const self = await as(t.board, "/api/award-types/excellent-collective", "PATCH", {
      prerequisites: ["excellent-collective"],
      version: 0,
    });
    expect(self.body.error.fields).toEqual([{ path: "prerequisites.0", message: "award_type.prerequisite_cycle" }]);
    // Nothing was stored.
    expect((await as(t.board, "/api/award-types")).body.items[0]).toMatchObject({ prerequisites: [], version: 0 });
  });

  it("keeps a prerequisite active while an active award type requires it", async () => {
    const t = await freshTenant();
    const blocked = await as(t.board, "/api/award-types/provincial-flag", "PATCH", { active: false, version: 0 });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.fields).toEqual([{ path: "active", message: "award_type.required_by" }]);
    expect((await as(t.board, "/api/award-types/government-flag", "PATCH", { active: false, version: 0 })).status).toBe(
      200,
    );
    expect((await as(t.board, "/api/award-types/provincial-flag", "PATCH", { active: false, version: 0 })).status).toBe(
      200,
    );
    // Reactivating the government flag needs its prerequisite active again.
    const back = await as(t.board, "/api/award-types/government-flag", "PATCH", { active: true, version: 1 });
    expect(back.body.error.fields).toEqual([{ path: "prerequisites.0", message: "award_type.unknown_prerequisite" }]);
  });

  it("lets only the board write, and answers 404 for an unknown award type", async () => {
    const t = await freshTenant();
    for (const actor of [t.council, t.unit]) {
      const create = await as(actor, "/api/award-types", "POST", { name: "Cờ", level: "collective" });
      expect(create.status).toBe(403);
      const edit = await as(actor, "/api/award-types/provincial-flag", "PATCH", { name: "Cờ", version: 0 });
      expect(edit.status).toBe(403);
    }
    const missing = await as(t.board, "/api/award-types/khong-co", "PATCH", { name: "Cờ mới", version: 0 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("award_type.not_found");
  });
});
