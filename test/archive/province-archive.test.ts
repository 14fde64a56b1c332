import { randomUUID } from "node:crypto";
import type { Actor } from "@thidua/core/actor";
import {
  type ArchiveManifest,
  eraseProvince,
  getArchiveJob,
  inProcessRunner,
  listArchiveJobs,
  prepareImport,
  resumeArchiveJob,
  runArchiveJob,
  runImport,
  Stopped,
  startExport,
} from "@thidua/core/archive";
import { readTar, TarWriter } from "@thidua/core/archive/tar";
import { listPlatformAudit } from "@thidua/core/audit";
import { configureDb, createClient, ensureTable } from "@thidua/core/db";
import { copyItems, tenantItemsForTests } from "@thidua/core/db/testing";
import { configureFiles, createS3Client } from "@thidua/core/files";
import { provinceFilePages, putProvinceFile, readProvinceFile } from "@thidua/core/files/province-files";
import { createBucketForTests, samplePdf, samplePng } from "@thidua/core/files/testing";
import { createTenant, getTenant, updateTenant } from "@thidua/core/tenant";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { demoTemplate } from "../support/demo-template.ts";

/*
 * A province moved whole between deployments. Each deployment is its own table and bucket on the run's
 * DynamoDB Local and S3 server; the province is Ninh Thuận from the seeded demo (three years of history),
 * with evidence files and a drawn document added.
 */

const TENANT = "ninh-thuan";
const operator: Actor = { userId: "op-1", email: "ops@thidua.local", name: "Vận hành viên", role: "operator" };
const dynamo = createClient({ region: "local", endpoint: inject("dynamoEndpoint") });
const s3 = await createS3Client({ region: "local", endpoint: inject("s3Endpoint") });

interface Deployment {
  table: string;
  bucket: string;
}

async function newDeployment(): Promise<Deployment> {
  const id = randomUUID().slice(0, 8);
  const deployment = { table: `archive-${id}`, bucket: `archive-${id}` };
  await ensureTable(dynamo, deployment.table);
  await createBucketForTests(s3, deployment.bucket);
  return deployment;
}

function use({ table, bucket }: Deployment) {
  configureDb({ tableName: table, client: dynamo });
  configureFiles({ bucket, client: async () => s3 });
}

/** Jobs run in this process; the test waits for those it started. */
const jobs = inProcessRunner((error) => {
  throw error;
});
const run = jobs.run;

const files = [
  { key: "evidence/khoi-1/2024/so-noi-vu/3f0c1d5e", bytes: samplePdf(), contentType: "application/pdf" },
  { key: "evidence/khoi-1/2024/so-noi-vu/9a1b2c3d", bytes: samplePng(), contentType: "image/png" },
  {
    key: "documents/khoi-1/2023/bien-ban.docx",
    bytes: new Uint8Array(70_000).map((_, i) => (i * 31) % 256),
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
];

/** The province's files in `deployment`, each with its type and bytes. */
async function filesOf(deployment: Deployment) {
  use(deployment);
  const found = new Map<string, { contentType: string; bytes: Uint8Array }>();
  for await (const page of provinceFilePages(TENANT))
    for (const { key } of page) {
      const { contentType, body } = await readProvinceFile(TENANT, key);
      const chunks: Uint8Array[] = [];
      for await (const chunk of body) chunks.push(chunk);
      found.set(key, { contentType, bytes: new Uint8Array(Buffer.concat(chunks)) });
    }
  return found;
}

async function putFiles(deployment: Deployment) {
  use(deployment);
  for (const f of files) await putProvinceFile(TENANT, f.key, f.bytes, f.contentType);
}

const sorted = (items: Record<string, unknown>[]) => items.map((i) => JSON.stringify(i, Object.keys(i).sort())).sort();

let source: Deployment;
let archive: Uint8Array;

/** Exports the province of the current deployment and answers the archive's bytes. */
async function exportArchive(): Promise<Uint8Array> {
  const job = await startExport(operator, TENANT, run);
  await jobs.settled();
  const done = await getArchiveJob(operator, TENANT, job.jobId);
  expect(done).toMatchObject({ status: "done", phase: "finished", kind: "export" });
  expect(done.done).toBe(done.total);
  const res = await fetch(done.download?.url ?? "");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(bytes.byteLength).toBe(done.archive?.bytes);
  return bytes;
}

/** Uploads `bytes` as an import into the current deployment and starts it (without waiting). */
async function startImport(bytes: Uint8Array) {
  const { job, upload } = await prepareImport(operator, TENANT, { size: bytes.byteLength });
  const put = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: Buffer.from(bytes) });
  expect(put.status).toBe(200);
  return job.jobId;
}

/** The entries of an archive held in memory, each with its bytes. */
async function entriesOf(bytes: Uint8Array) {
  async function* once() {
    yield bytes;
  }
  const out: { name: string; body: Uint8Array }[] = [];
  for await (const entry of readTar(once())) {
    const chunks: Uint8Array[] = [];
    for await (const c of entry.body) chunks.push(c);
    out.push({ name: entry.name, body: new Uint8Array(Buffer.concat(chunks)) });
  }
  return out;
}

async function manifestOf(bytes: Uint8Array): Promise<ArchiveManifest> {
  const manifest = (await entriesOf(bytes)).find((e) => e.name === "manifest.json");
  return JSON.parse(Buffer.from(manifest?.body ?? []).toString("utf8"));
}

/** The archive with its entries changed by `change` (name, bytes) → bytes, repacked with the same names. */
async function repacked(
  bytes: Uint8Array,
  change: (name: string, body: Uint8Array) => Uint8Array,
  /** An entry written once more, first, with other bytes (the last copy is the intact one). */
  twice?: string,
) {
  const parts: Uint8Array[] = [];
  const tar = new TarWriter(async (chunk) => {
    parts.push(chunk.slice());
  });
  for (const { name, body } of await entriesOf(bytes)) {
    if (name === twice) await tar.entry(name, 3, new Uint8Array([1, 2, 3]));
    const changed = change(name, body);
    await tar.entry(name, changed.byteLength, changed);
  }
  await tar.end();
  return new Uint8Array(Buffer.concat(parts));
}

beforeAll(async () => {
  const template = await demoTemplate();
  source = await newDeployment();
  await copyItems(
    dynamo,
    template.tableName,
    source.table,
    (pk) => pk.startsWith(`T#${TENANT}#`) || pk === `P#TENANT#${TENANT}`,
  );
  await putFiles(source);
  archive = await exportArchive();
}, 600_000);

describe("a province archive", () => {
  it("imported into an empty deployment, gives back every item and file identical", async () => {
    use(source);
    const before = await tenantItemsForTests(TENANT);
    expect(before.length).toBeGreaterThan(300);
    const target = await newDeployment();
    use(target);
    const jobId = await startImport(archive);
    await runImport(operator, TENANT, jobId, run);
    await jobs.settled();
    const job = await getArchiveJob(operator, TENANT, jobId);
    expect(job).toMatchObject({ status: "done", done: job.total });
    expect(sorted(await tenantItemsForTests(TENANT))).toEqual(sorted(before));
    expect(await filesOf(target)).toEqual(await filesOf(source));
    use(target);
    expect(await getTenant(operator, TENANT)).toMatchObject({ name: "Ninh Thuận", status: "active" });
    // Exporting the imported province gives the same parts (same items, same files, same checksums).
    const again = await exportArchive();
    expect((await manifestOf(again)).parts).toEqual((await manifestOf(archive)).parts);
  });

  it("an import whose process dies after each of its parts in turn, resumed each time, ends as an uninterrupted one", async () => {
    use(source);
    const before = sorted(await tenantItemsForTests(TENANT));
    const target = await newDeployment();
    use(target);
    const jobId = await startImport(archive);
    const { parts } = await manifestOf(archive);
    expect(parts.length).toBeGreaterThan(10);
    // Each run writes one more part, then its process dies; the next one takes the job over.
    const dies = {
      afterStep: (n: number) => {
        throw new Error(`killed after part ${n}`);
      },
    };
    for (let attempt = 1; attempt <= parts.length; attempt++) {
      const later = new Date(Date.now() + 10 * 60_000);
      await expect(runArchiveJob(TENANT, jobId, attempt === 1 ? dies : { ...dies, now: later })).rejects.toBeInstanceOf(
        Stopped,
      );
      expect(await getArchiveJob(operator, TENANT, jobId)).toMatchObject({
        status: "running",
        phase: expect.any(String),
      });
    }
    await runArchiveJob(TENANT, jobId, { now: new Date(Date.now() + 10 * 60_000) });
    const finished = await getArchiveJob(operator, TENANT, jobId);
    expect(finished).toMatchObject({ status: "done", done: finished.total });
    expect(sorted(await tenantItemsForTests(TENANT))).toEqual(before);
    expect(await filesOf(target)).toEqual(await filesOf(source));
  });

  it("moves a province by one job at a time: a second import meets the first's lock and fails as busy", async () => {
    const target = await newDeployment();
    use(target);
    const first = await startImport(archive);
    const second = await startImport(archive);
    const dies = {
      afterStep: () => {
        throw new Error("killed");
      },
    };
    await expect(runArchiveJob(TENANT, first, dies)).rejects.toBeInstanceOf(Stopped);
    await runArchiveJob(TENANT, second);
    expect(await getArchiveJob(operator, TENANT, second)).toMatchObject({
      status: "failed",
      errors: [{ message: "archive.busy" }],
    });
    await runArchiveJob(TENANT, first, { now: new Date(Date.now() + 10 * 60_000) });
    expect(await getArchiveJob(operator, TENANT, first)).toMatchObject({ status: "done" });
  });

  it("refuses an archive changed after export, made under other schemas, or with a part twice, before writing anything", async () => {
    const target = await newDeployment();
    use(target);
    const cases = [
      {
        bytes: await repacked(archive, (name, body) =>
          name.startsWith("files/") ? body.map((b, i) => (i === 10 ? b ^ 1 : b)) : body,
        ),
        problem: "archive.checksum_mismatch",
      },
      {
        bytes: await repacked(archive, (name, body) => {
          if (name !== "manifest.json") return body;
          const manifest = JSON.parse(Buffer.from(body).toString("utf8"));
          return new TextEncoder().encode(JSON.stringify({ ...manifest, schemaVersion: "0000000000000000" }));
        }),
        problem: "archive.schema_mismatch",
      },
      {
        bytes: await repacked(archive, (name, body) =>
          name.startsWith("items/unit")
            ? new TextEncoder().encode(Buffer.from(body).toString("utf8").replaceAll(`T#${TENANT}#`, "T#khanh-hoa#"))
            : body,
        ),
        problem: "archive.item_outside_province",
      },
      { bytes: await repacked(archive, (_, body) => body, "files/1"), problem: "archive.part_duplicate" },
    ];
    for (const { bytes, problem } of cases) {
      const jobId = await startImport(bytes);
      await runImport(operator, TENANT, jobId, run);
      await jobs.settled();
      const job = await getArchiveJob(operator, TENANT, jobId);
      expect(job.status).toBe("failed");
      expect(job.errors?.map((e) => e.message)).toContain(problem);
      expect(await tenantItemsForTests(TENANT)).toEqual([]);
      expect((await filesOf(target)).size).toBe(0);
      use(target);
      await expect(getTenant(operator, TENANT)).rejects.toMatchObject({ code: "tenant.not_found" });
    }
    // A name another province holds here stops the import before it writes; freed, the job runs again to the end.
    const other = await createTenant(operator, { tenantId: "ninh-thuan-cu", name: "Ninh Thuận" });
    const jobId = await startImport(archive);
    await runImport(operator, TENANT, jobId, run);
    await jobs.settled();
    expect((await getArchiveJob(operator, TENANT, jobId)).errors?.map((e) => e.message)).toEqual(["tenant.name_taken"]);
    expect(await tenantItemsForTests(TENANT)).toEqual([]);
    await updateTenant(operator, other.tenantId, { name: "Ninh Thuận (tên cũ)", version: other.version });
    await resumeArchiveJob(operator, TENANT, jobId, run);
    await jobs.settled();
    expect(await getArchiveJob(operator, TENANT, jobId)).toMatchObject({ status: "done" });
    const imported = sorted(await tenantItemsForTests(TENANT));
    use(source);
    expect(imported).toEqual(sorted(await tenantItemsForTests(TENANT)));
  });

  it("erases an archived province once exported, resumed after a crash: every item and file, the registry keeps it as erased", async () => {
    // A copy of the source, so the other tests keep theirs.
    const deployment = await newDeployment();
    await copyItems(dynamo, source.table, deployment.table);
    await putFiles(deployment);
    let tenant = await getTenant(operator, TENANT);
    await expect(eraseProvince(operator, TENANT, { version: tenant.version }, run)).rejects.toMatchObject({
      code: "tenant.erase_needs_archive",
    });
    tenant = await updateTenant(operator, TENANT, { status: "suspended", version: tenant.version });
    tenant = await updateTenant(operator, TENANT, { status: "archived", version: tenant.version });
    // The export made before archiving does not count: the data may have changed since.
    await expect(eraseProvince(operator, TENANT, { version: tenant.version }, run)).rejects.toMatchObject({
      code: "archive.export_needed",
    });
    await exportArchive();
    // The erase's process dies after its first page: the province cannot be restored meanwhile.
    const job = await eraseProvince(operator, TENANT, { version: tenant.version }, async () => {});
    const dies = {
      afterStep: () => {
        throw new Error("killed");
      },
    };
    await expect(runArchiveJob(TENANT, job.jobId, dies)).rejects.toBeInstanceOf(Stopped);
    await expect(
      updateTenant(operator, TENANT, { status: "suspended", version: tenant.version }),
    ).rejects.toMatchObject({
      code: "archive.busy",
    });
    await runArchiveJob(TENANT, job.jobId, { now: new Date(Date.now() + 10 * 60_000) });
    expect(await getArchiveJob(operator, TENANT, job.jobId)).toMatchObject({ status: "done" });
    expect(await tenantItemsForTests(TENANT)).toEqual([]);
    expect((await filesOf(deployment)).size).toBe(0);
    use(deployment);
    expect(await getTenant(operator, TENANT)).toMatchObject({ status: "erased" });
    const trail = await listPlatformAudit(operator, {});
    expect(trail.items.map((r) => r.action)).toContain("erase");
    // The archive made before the erase is still there to download.
    const exports = (await listArchiveJobs(operator, TENANT)).filter((j) => j.kind === "export" && j.status === "done");
    const latest = await getArchiveJob(operator, TENANT, exports[0]?.jobId ?? "");
    expect((await fetch(latest.download?.url ?? "")).status).toBe(200);
  });
});
