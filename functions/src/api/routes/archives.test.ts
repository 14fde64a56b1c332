import { randomUUID } from "node:crypto";
import { inProcessRunner } from "@thidua/core/archive";
import { readTar } from "@thidua/core/archive/tar";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { tenantItemsForTests } from "@thidua/core/db/testing";
import { callerOf, freshTenantId, operator, testApp } from "@thidua/test/support";
import { describe, expect, inject, it } from "vitest";

// A table of its own: a job finds a province's items by scanning the table, and the run's table is large.
const tableName = `archives-${randomUUID().slice(0, 8)}`;
const client = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
await ensureTable(client, tableName);
configureDb({ tableName, client });

const jobs = inProcessRunner((error) => {
  throw error;
});
const app = await testApp({ runArchiveJob: jobs.run });
const as = callerOf(app);

/** A province with a board account and one unit, made through the API. */
async function province() {
  const tenantId = freshTenantId("lc");
  const created = await as(operator, "/api/tenants", "POST", {
    tenantId,
    name: `Tỉnh ${tenantId}`,
    boardEmail: `bantdkt@${tenantId}.test`,
    boardName: "Ban Thi đua - Khen thưởng",
  });
  expect(created.status).toBe(201);
  const board = { userId: `b-${tenantId}`, email: "b@x.test", name: "Ban", role: "board" as const, tenantId };
  expect((await as(board, "/api/units", "POST", { name: "Sở Nội vụ", kind: "state_agency" })).status).toBe(201);
  return { tenantId, board, version: created.body.tenant.version as number };
}

async function exported(tenantId: string) {
  const started = await as(operator, `/api/tenants/${tenantId}/exports`, "POST");
  expect(started.status).toBe(202);
  await jobs.settled();
  return as(operator, `/api/tenants/${tenantId}/archive-jobs/${started.body.jobId}`);
}

describe("a province moved whole", () => {
  it("is exported by the operator, who follows the job to a download of one archive; a board may not use those routes", async () => {
    const { tenantId, board } = await province();
    expect((await as(board, `/api/tenants/${tenantId}/exports`, "POST")).status).toBe(403);
    expect((await as(operator, `/api/tenants/${freshTenantId()}/exports`, "POST")).body.error.code).toBe(
      "tenant.not_found",
    );
    const job = await exported(tenantId);
    expect(job.body).toMatchObject({ kind: "export", status: "done", phase: "finished", stale: false });
    expect(job.body.done).toBe(job.body.total);
    const download = await fetch(job.body.download.url);
    expect(download.headers.get("content-disposition")).toContain(`thidua-${tenantId}-`);
    const names: string[] = [];
    for await (const entry of readTar(download.body as unknown as AsyncIterable<Uint8Array>)) names.push(entry.name);
    expect(names).toContain("items/unit.jsonl");
    expect(names.at(-1)).toBe("manifest.json");
    const list = await as(operator, `/api/tenants/${tenantId}/archive-jobs`);
    expect(list.body.items.map((j: { jobId: string }) => j.jobId)).toEqual([job.body.jobId]);
    expect(
      (await as(operator, `/api/tenants/${tenantId}/archive-jobs/${job.body.jobId}/resume`, "POST")).body.error.code,
    ).toBe("archive.not_stale");
  });

  it("is exported by a board for its own province, whose exports another province's board cannot read", async () => {
    const own = await province();
    const other = await province();
    const started = await as(own.board, "/api/exports", "POST");
    expect(started.status).toBe(202);
    await jobs.settled();
    const job = await as(own.board, `/api/exports/${started.body.jobId}`);
    expect(job.body).toMatchObject({ kind: "export", status: "done", tenantId: own.tenantId });
    expect((await fetch(job.body.download.url)).status).toBe(200);
    expect((await as(own.board, "/api/exports")).body.items.map((j: { jobId: string }) => j.jobId)).toEqual([
      started.body.jobId,
    ]);
    expect((await as(other.board, `/api/exports/${started.body.jobId}`)).status).toBe(404);
    expect((await as(other.board, "/api/exports")).body.items).toEqual([]);
    const council = { ...own.board, userId: `c-${own.tenantId}`, role: "council" as const };
    expect((await as(council, "/api/exports", "POST")).status).toBe(403);
    // The province's trail of platform actions shows who exported it.
    const trail = await as(own.board, "/api/audit?entity=tenant");
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({ action: "export", actorRole: "board", entityId: own.tenantId }),
    );
  });

  it("imports only into a province the deployment lacks, and refuses another province's archive unwritten", async () => {
    const { tenantId } = await province();
    const refused = await as(operator, `/api/tenants/${tenantId}/imports`, "POST", { size: 4096 });
    expect(refused.body.error.code).toBe("archive.province_exists");
    expect((await as(operator, `/api/tenants/${freshTenantId()}/imports`, "POST", { size: 0 })).status).toBe(400);

    const archive = await (await fetch((await exported(tenantId)).body.download.url)).arrayBuffer();
    const other = freshTenantId("new");
    const ticket = await as(operator, `/api/tenants/${other}/imports`, "POST", { size: archive.byteLength });
    expect(ticket.status).toBe(201);
    expect(ticket.body.job).toMatchObject({ kind: "import", status: "waiting", phase: "upload" });
    const run = `/api/tenants/${other}/archive-jobs/${ticket.body.job.jobId}/run`;
    const early = await as(operator, run, "POST");
    expect(early.status).toBe(202);
    await jobs.settled();
    const notUploaded = await as(operator, `/api/tenants/${other}/archive-jobs/${ticket.body.job.jobId}`);
    expect(notUploaded.body).toMatchObject({ status: "failed", errors: [{ message: "archive.not_uploaded" }] });

    const again = await as(operator, `/api/tenants/${other}/imports`, "POST", { size: archive.byteLength });
    const { url, headers } = again.body.upload;
    expect((await fetch(url, { method: "PUT", headers, body: archive })).status).toBe(200);
    expect((await as(operator, `/api/tenants/${other}/archive-jobs/${again.body.job.jobId}/run`, "POST")).status).toBe(
      202,
    );
    await jobs.settled();
    const failed = await as(operator, `/api/tenants/${other}/archive-jobs/${again.body.job.jobId}`);
    expect(failed.body.status).toBe("failed");
    expect(failed.body.errors.map((e: { message: string }) => e.message)).toContain("archive.other_province");
    expect((await as(operator, `/api/tenants/${other}`)).status).toBe(404);
    expect(await tenantItemsForTests(other)).toEqual([]);
  });

  it("erases a province only once archived and exported after that, leaving it in the registry as erased", async () => {
    const { tenantId, board } = await province();
    const erase = (version: number) => as(operator, `/api/tenants/${tenantId}/erase`, "POST", { version });
    expect((await erase(1)).body.error.code).toBe("tenant.erase_needs_archive");
    const suspended = await as(operator, `/api/tenants/${tenantId}`, "PATCH", { status: "suspended", version: 1 });
    const archived = await as(operator, `/api/tenants/${tenantId}`, "PATCH", {
      status: "archived",
      version: suspended.body.version,
    });
    const { version } = archived.body;
    expect((await erase(version - 1)).body.error.code).toBe("tenant.stale");
    expect((await erase(version)).body.error.code).toBe("archive.export_needed");
    await exported(tenantId);
    const job = await erase(version);
    expect(job.status).toBe(202);
    await jobs.settled();
    expect((await as(operator, `/api/tenants/${tenantId}/archive-jobs/${job.body.jobId}`)).body.status).toBe("done");
    expect((await as(operator, `/api/tenants/${tenantId}`)).body).toMatchObject({ status: "erased" });
    const revive = await as(operator, `/api/tenants/${tenantId}`, "PATCH", {
      status: "suspended",
      version: version + 1,
    });
    expect(revive.body.error.code).toBe("tenant.erased");
    expect((await as(operator, `/api/tenants/${tenantId}/exports`, "POST")).body.error.code).toBe("tenant.erased");
    // Its people are refused: the province is not open.
    expect((await as(board, "/api/units")).status).toBe(403);
  });
});
