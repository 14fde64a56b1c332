import { callerOf, freshTenant, operator, readJson, testApp } from "@thidua/test/support";
import { describe, expect, it } from "vitest";

const app = await testApp();

const as = callerOf(app);

describe("audit trail", () => {
  it("records who changed what, with before and after, newest first", async () => {
    const { board } = await freshTenant();
    const { body: unit } = await as(board, "/api/units", "POST", { name: "Sở Tư pháp", kind: "state_agency" });
    await as(board, `/api/units/${unit.unitId}`, "PATCH", { name: "Sở Tư pháp tỉnh", version: 1 });
    const { body } = await as(board, "/api/audit");
    expect(body.items).toHaveLength(2);
    expect(body.items[0]).toMatchObject({
      action: "update",
      entity: "unit",
      entityId: unit.unitId,
      actorId: board.userId,
      actorRole: "board",
      before: expect.objectContaining({ name: "Sở Tư pháp", version: 1 }),
      after: expect.objectContaining({ name: "Sở Tư pháp tỉnh", version: 2 }),
    });
    expect(body.items[1]).toMatchObject({ action: "create", after: expect.objectContaining({ name: "Sở Tư pháp" }) });
  });

  it("writes nothing, audit included, when the change is rejected", async () => {
    const { board } = await freshTenant();
    const { body: unit } = await as(board, "/api/units", "POST", { name: "Sở Y tế", kind: "state_agency" });
    expect((await as(board, `/api/units/${unit.unitId}`, "PATCH", { name: "X y z", version: 7 })).status).toBe(409);
    const { body } = await as(board, "/api/audit");
    expect(body.items.map((r: { action: string }) => r.action)).toEqual(["create"]);
  });

  it("finds nothing in a date range that ends before it starts, the province's and the operators'", async () => {
    const { board } = await freshTenant();
    await as(board, "/api/units", "POST", { name: "Sở Công Thương", kind: "state_agency" });
    const reversed = "from=2025-03-03&to=2025-03-01";
    expect(await as(board, `/api/audit?${reversed}`)).toMatchObject({ status: 200, body: { items: [] } });
    expect(await as(operator, `/api/platform/audit?${reversed}`)).toMatchObject({ status: 200, body: { items: [] } });
  });

  it("filters by entity and actor, and pages with a cursor", async () => {
    const { board, actor } = await freshTenant();
    const otherBoard = { ...actor("board"), userId: "second-board-user" };
    for (const name of ["Một", "Hai", "Ba"])
      await as(board, "/api/units", "POST", { name: `Đơn vị ${name}`, kind: "other" });
    const { body: mine } = await as(otherBoard, "/api/units", "POST", { name: "Đơn vị Bốn", kind: "other" });

    const byActor = await as(board, "/api/audit?actorId=second-board-user");
    expect(byActor.body.items.map((r: { entityId: string }) => r.entityId)).toEqual([mine.unitId]);
    const byEntity = await as(board, `/api/audit?entity=unit&entityId=${mine.unitId}`);
    expect(byEntity.body.items).toHaveLength(1);

    const filteredPage = await as(board, `/api/audit?limit=2&actorId=${board.userId}`);
    expect(filteredPage.body.items).toHaveLength(2); // full, though the other actor's record sits among them

    const first = await as(board, "/api/audit?limit=3");
    expect(first.body.items).toHaveLength(3);
    expect(first.body.cursor).toBeTruthy();
    const second = await as(board, `/api/audit?limit=3&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(second.body.items).toHaveLength(1);
  });

  it("answers 400 cursor.invalid to a cursor it did not hand out, and never shows a key in one", async () => {
    const { board } = await freshTenant();
    for (const name of ["Một", "Hai", "Ba"])
      await as(board, "/api/units", "POST", { name: `Sở ${name}`, kind: "other" });
    const junk = [
      "x",
      "%%%",
      Buffer.from("not json").toString("base64url"),
      Buffer.from(JSON.stringify({ at: "yesterday", auditId: "1" })).toString("base64url"),
      Buffer.from(JSON.stringify({ pk: "T#other#AUDIT", sk: "2025#x" })).toString("base64url"),
      Buffer.from(JSON.stringify([1, 2])).toString("base64url"),
      "a".repeat(1500),
    ];
    for (const cursor of junk) {
      const res = await as(board, `/api/audit?limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect([res.status, res.body.error?.code], cursor).toEqual([400, "cursor.invalid"]);
    }
    const { body } = await as(board, "/api/audit?limit=1");
    expect(Buffer.from(body.cursor, "base64url").toString()).not.toMatch(/T#|pk|sk/);
  });

  it("reads another province's cursor within the caller's own province only", async () => {
    const a = await freshTenant("cur-a");
    const b = await freshTenant("cur-b");
    for (const name of ["Một", "Hai"]) await as(a.board, "/api/units", "POST", { name: `Sở ${name}`, kind: "other" });
    await as(b.board, "/api/units", "POST", { name: "Sở của tỉnh B", kind: "other" });
    const { body: pageOfA } = await as(a.board, "/api/audit?limit=1");
    const res = await as(b.board, `/api/audit?limit=5&cursor=${encodeURIComponent(pageOfA.cursor)}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain("Sở Một");
  });

  it("reads a bounded stretch per page when a filter matches little, and says where to go on", async () => {
    const { board } = await freshTenant();
    for (let i = 1; i <= 8; i++) await as(board, "/api/units", "POST", { name: `Sở số ${i}`, kind: "other" });
    // Nobody by that id made any change: a page reads 3 stretches of 2 records, finds none, and hands on.
    let page = await as(board, "/api/audit?limit=2&actorId=nobody");
    expect(page.body).toMatchObject({ items: [], cursor: expect.any(String) });
    let pages = 1;
    while (page.body.cursor) {
      page = await as(board, `/api/audit?limit=2&actorId=nobody&cursor=${encodeURIComponent(page.body.cursor)}`);
      expect(page.body.items).toEqual([]);
      pages++;
    }
    expect(pages).toBe(2); // 8 records: 6 read by the first page, the rest by the second
  });

  it("refuses an entity filter it does not know", async () => {
    const { board } = await freshTenant();
    const res = await as(board, "/api/audit?entity=zzz");
    expect(res.status).toBe(400);
  });

  it("offers no way to edit or delete a record", async () => {
    const doc = await readJson(await app.request("/api/openapi.json"));
    const auditPaths = Object.entries(doc.paths).filter(([path]) => path.startsWith("/api/audit"));
    expect(auditPaths.flatMap(([, ops]) => Object.keys(ops as object))).toEqual(["get"]);
  });
});
