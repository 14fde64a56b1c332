import { describe, expect, it } from "vitest";
import { as, launchedYear, move, pastRegistration, regBody, smallTable, versionOf } from "./cycle.fixture.ts";

describe("launching a year", () => {
  it("lets the year's leader launch it with a theme and a note, and nobody else but the board", async () => {
    const y = await launchedYear();
    const { body } = await as(y.officer(y.third), `${y.path}/cycle`);
    expect(body).toMatchObject({
      phase: "registration",
      year: {
        status: "open",
        theme: "Đoàn kết, sáng tạo, hoàn thành xuất sắc nhiệm vụ",
        launchNote: "Các đơn vị đăng ký trước 15/3.",
      },
      you: { leads: false, unitId: y.third },
      next: { to: "in_progress" },
    });
    expect(body.progress).toHaveLength(3);
    expect(body.next.missing).toContainEqual({ path: `members.${y.third}`, message: "cycle.missing_covenant" });

    // Another bloc's year: a member of this one is not its leader.
    const { body: other } = await as(y.board, "/api/blocs", "POST", { name: "Khối khác", kind: "bloc" });
    await as(y.board, `/api/blocs/${other.blocId}/criteria`, "PUT", { table: smallTable, baseVersion: 0 });
    const o = `/api/blocs/${other.blocId}/years/2025`;
    const { body: unit } = await as(y.board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" });
    await as(y.board, `${o}/members`, "PUT", { unitIds: [unit.unitId], version: 0 });
    const refused = await as(y.officer(y.leader), `${o}/open`, "POST", { version: 1 });
    expect(refused.status).toBe(404);
    const notLeader = await as(y.officer(unit.unitId), `${o}/open`, "POST", { version: 1 });
    expect([notLeader.status, notLeader.body.error.code]).toEqual([403, "cycle.not_leader"]);
    expect((await as(y.board, o)).body.status).toBe("planning");
  });
});

describe("registration and covenant", () => {
  it("registers targets and aims, signs once, and lists who is missing until all are done", async () => {
    const y = await launchedYear();
    const saved = await as(y.officer(y.second), `${y.member(y.second)}/registration`, "PUT", regBody(0));
    expect(saved.status).toBe(200);
    expect(saved.body.registration).toMatchObject({ targets: regBody(0).targets, aims: ["excellent-collective"] });
    expect(saved.body.registration.filed.byName).toContain("unit");
    // Editable while registration lasts; a stale edit is refused.
    expect((await as(y.officer(y.second), `${y.member(y.second)}/registration`, "PUT", regBody(1))).status).toBe(200);
    const stale = await as(y.officer(y.second), `${y.member(y.second)}/registration`, "PUT", regBody(1));
    expect([stale.status, stale.body.error.code]).toEqual([409, "cycle.stale"]);
    const unknownAim = await as(y.officer(y.third), `${y.member(y.third)}/registration`, "PUT", {
      ...regBody(0),
      aims: ["no-such-award"],
    });
    expect([unknownAim.status, unknownAim.body.error.fields]).toEqual([
      400,
      [{ path: "aims.0", message: "award_type.not_found" }],
    ]);

    const signed = await as(y.officer(y.second), `${y.member(y.second)}/covenant`, "POST", { version: 2 });
    expect(signed.body.covenant).toMatchObject({ by: `unit-${y.tenantId}` });
    const twice = await as(y.officer(y.second), `${y.member(y.second)}/covenant`, "POST", { version: 3 });
    expect([twice.status, twice.body.error.code]).toEqual([409, "cycle.already_signed"]);

    const early = await move(y, y.officer(y.leader), "in_progress");
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("cycle.incomplete");
    expect(early.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: `members.${y.leader}`, message: "cycle.missing_registration" },
        { path: `members.${y.third}`, message: "cycle.missing_covenant" },
      ]),
    );
    expect(early.body.error.fields).not.toContainEqual(expect.objectContaining({ path: `members.${y.second}` }));
  });

  it("keeps a unit to its own part: another member 403, outside the bloc 404, and nothing written", async () => {
    const y = await launchedYear();
    const other = await as(y.officer(y.second), `${y.member(y.third)}/registration`, "PUT", regBody(0));
    expect([other.status, other.body.error.code]).toEqual([403, "cycle.not_your_unit"]);
    const { body: outsider } = await as(y.board, "/api/units", "POST", { name: "Sở Y tế", kind: "state_agency" });
    const outside = await as(
      y.officer(outsider.unitId),
      `${y.member(outsider.unitId)}/registration`,
      "PUT",
      regBody(0),
    );
    expect(outside.status).toBe(404);
    expect((await as(y.officer(outsider.unitId), `${y.path}/cycle`)).status).toBe(404);
    const { body } = await as(y.board, `${y.path}/cycle`);
    expect(body.progress.every((p: { registered: boolean }) => !p.registered)).toBe(true);
    // A unit reads its own part only; those who lead read everyone's.
    await as(y.officer(y.third), `${y.member(y.third)}/registration`, "PUT", regBody(0));
    expect(
      (await as(y.officer(y.second), `${y.path}/cycle`)).body.participations.map((p: { unitId: string }) => p.unitId),
    ).toEqual([y.second]);
    expect((await as(y.officer(y.leader), `${y.path}/cycle`)).body.participations).toHaveLength(3);
  });

  it("refuses a registration once the phase ended, naming the phase the year is in", async () => {
    const y = await launchedYear();
    await pastRegistration(y);
    const late = await as(y.officer(y.second), `${y.member(y.second)}/registration`, "PUT", regBody(2));
    expect([late.status, late.body.error.code, late.body.error.fields]).toEqual([
      409,
      "cycle.wrong_phase",
      [{ path: "phase", message: "cycle.phase.in_progress" }],
    ]);
  });
});

describe("phases", () => {
  it("moves only to the next phase; the board reopens an earlier one with a reason, kept in the trail", async () => {
    const y = await launchedYear();
    await pastRegistration(y);
    const skip = await move(y, y.officer(y.leader), "scoring");
    expect([skip.status, skip.body.error.code]).toEqual([409, "cycle.not_next"]);
    const back = await move(y, y.officer(y.leader), "registration", "Một đơn vị đăng ký lại");
    expect([back.status, back.body.error.code]).toEqual([403, "cycle.reopen_board_only"]);
    const noReason = await move(y, y.board, "registration");
    expect([noReason.status, noReason.body.error.code]).toEqual([400, "cycle.reason_required"]);
    const reopened = await move(y, y.board, "registration", "Một đơn vị đăng ký lại");
    expect([reopened.status, reopened.body.phase]).toEqual([200, "registration"]);
    const trail = await as(y.board, `/api/audit?entity=blocYear&entityId=${y.bloc.blocId}/2025`);
    expect(trail.body.items[0]).toMatchObject({ reason: "Một đơn vị đăng ký lại", after: { phase: "registration" } });
    // Deputies move phases only where the rules say so; other members never.
    const deputy = await move(y, y.officer(y.second), "in_progress");
    expect([deputy.status, deputy.body.error.code]).toEqual([403, "cycle.not_leader"]);
  });

  it("shows deadlines and the members late for the current phase", async () => {
    const y = await launchedYear();
    await as(y.officer(y.second), `${y.member(y.second)}/registration`, "PUT", regBody(0));
    await as(y.officer(y.second), `${y.member(y.second)}/covenant`, "POST", { version: 1 });
    const outside = await as(y.officer(y.leader), `${y.path}/cycle/deadlines`, "PUT", {
      deadlines: { registration: "2031-03-15" },
      version: await versionOf(y),
    });
    expect([outside.status, outside.body.error.fields]).toEqual([
      400,
      [{ path: "deadlines.registration", message: "cycle.deadline_outside_year" }],
    ]);
    const set = await as(y.officer(y.leader), `${y.path}/cycle/deadlines`, "PUT", {
      deadlines: { registration: "2025-03-15", scoring: "2025-12-10" },
      version: await versionOf(y),
    });
    expect(set.status).toBe(200);
    expect(set.body.year.deadlines).toEqual({ registration: "2025-03-15", scoring: "2025-12-10" });
    const late = set.body.progress.filter((p: { late: boolean }) => p.late).map((p: { unitId: string }) => p.unitId);
    expect(late.sort()).toEqual([y.leader, y.third].sort());
  });
});

describe("mid-year review", () => {
  it("collects reports, drafts the summary from them, and moves on once it is published", async () => {
    const y = await launchedYear();
    await pastRegistration(y);
    expect((await move(y, y.officer(y.leader), "mid_year_review")).status).toBe(200);
    for (const [i, u] of y.units.entries()) {
      const filed = await as(y.officer(u), `${y.member(u)}/report`, "PUT", {
        items: [`Kết quả 6 tháng của đơn vị ${i + 1}`],
        version: 2,
      });
      expect(filed.status).toBe(200);
    }
    const draft = await as(y.officer(y.leader), `${y.path}/cycle/summary-draft`);
    expect(draft.body.text).toContain("Văn phòng Tỉnh ủy\n- Kết quả 6 tháng của đơn vị 1");
    expect((await as(y.officer(y.second), `${y.path}/cycle/summary-draft`)).status).toBe(403);

    const unpublished = await move(y, y.officer(y.leader), "scoring");
    expect(unpublished.body.error.fields).toEqual([{ path: "summary", message: "cycle.missing_summary" }]);
    const saved = await as(y.officer(y.leader), `${y.path}/cycle/summary`, "PUT", {
      text: draft.body.text,
      version: await versionOf(y),
    });
    expect(saved.body.summary.published).toBeUndefined();
    // Members see the summary once it is published.
    expect((await as(y.officer(y.third), `${y.path}/cycle`)).body.summary).toBeUndefined();
    await as(y.officer(y.leader), `${y.path}/cycle/summary`, "PUT", {
      text: draft.body.text,
      publish: true,
      version: await versionOf(y),
    });
    expect((await as(y.officer(y.third), `${y.path}/cycle`)).body.summary.text).toBe(draft.body.text);
    expect((await move(y, y.officer(y.leader), "scoring")).body.phase).toBe("scoring");
  });
});

describe("the province's overview", () => {
  it("lists every bloc with its year for the board, a unit its own blocs", async () => {
    const y = await launchedYear();
    const { body: other } = await as(y.board, "/api/blocs", "POST", { name: "Cụm phường", kind: "cluster" });
    const board = await as(y.board, "/api/years/2025/cycles");
    const phases = board.body.items.map((i: { bloc: { blocId: string }; year: { phase?: string } | null }) => [
      i.bloc.blocId,
      i.year?.phase ?? null,
    ]);
    expect(phases).toEqual(
      expect.arrayContaining([
        [y.bloc.blocId, "registration"],
        [other.blocId, null],
      ]),
    );
    const unit = await as(y.officer(y.third), "/api/years/2025/cycles");
    expect(unit.body.items.map((i: { bloc: { blocId: string } }) => i.bloc.blocId)).toEqual([y.bloc.blocId]);
  });
});

describe("a member joining a launched year", () => {
  it("owes the covenant from the day it joins, and signs it whatever the phase", async () => {
    const y = await launchedYear();
    await pastRegistration(y);
    const { body: late } = await as(y.board, "/api/units", "POST", {
      name: "Ban Nội chính Tỉnh ủy",
      kind: "party_agency",
    });
    const { body: year } = await as(y.board, y.path);
    const joined = await as(y.board, `${y.path}/members`, "PUT", {
      unitIds: [...y.units, late.unitId],
      reason: "Thành lập theo quyết định của Tỉnh ủy",
      version: year.version,
    });
    expect(joined.status).toBe(200);
    const { body } = await as(y.officer(late.unitId), `${y.path}/cycle`);
    expect(body.progress.find((p: { unitId: string }) => p.unitId === late.unitId)).toMatchObject({ signed: false });
    const signed = await as(y.officer(late.unitId), `${y.member(late.unitId)}/covenant`, "POST", { version: 0 });
    expect([signed.status, signed.body.covenant.by]).toEqual([200, `unit-${y.tenantId}`]);
  });
});
