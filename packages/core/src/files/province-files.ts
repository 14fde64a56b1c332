import { TenantId } from "../tenant/tenant.rules.ts";
import { isKeyWithinProvince } from "./files.rules.ts";
import { filesTarget, signedGet, signedPut } from "./storage.ts";

/*
 * A province's files taken whole, and the archives they travel in: for the operator's export, import and
 * erase jobs only (the archive module), with the deployable's own client. Keys are given below the
 * province's prefix `T/<tenantId>/`, as an archive records them, so an archive cannot name another province.
 */

/** Bytes as a stream of chunks (an S3 body is one in Node). */
export type Chunks = AsyncIterable<Uint8Array>;

const sdk = () => import("@aws-sdk/client-s3");

const provincePrefix = (tenantId: string) => {
  if (!TenantId.safeParse(tenantId).success) throw new Error(`Not a province id: ${tenantId}`);
  return `T/${tenantId}/`;
};

function provinceKey(tenantId: string, key: string): string {
  if (!isKeyWithinProvince(key)) throw new Error(`Not a file key of a province: ${key}`);
  return provincePrefix(tenantId) + key;
}

export interface ProvinceFile {
  /** Below `T/<tenantId>/`. */
  key: string;
  size: number;
}

/** Every file of the province, a page (up to 1,000) at a time. */
export async function* provinceFilePages(tenantId: string): AsyncGenerator<ProvinceFile[]> {
  const [{ client, bucket }, { ListObjectsV2Command }] = await Promise.all([filesTarget(), sdk()]);
  const prefix = provincePrefix(tenantId);
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    yield (page.Contents ?? []).map((o) => ({ key: (o.Key ?? "").slice(prefix.length), size: o.Size ?? 0 }));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** One file's bytes as a stream, with its stored type. */
export async function readProvinceFile(
  tenantId: string,
  key: string,
): Promise<{ size: number; contentType: string; body: Chunks }> {
  const [{ client, bucket }, { GetObjectCommand }] = await Promise.all([filesTarget(), sdk()]);
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: provinceKey(tenantId, key) }));
  if (!out.Body) throw new Error(`No body for ${key}`);
  return {
    size: out.ContentLength ?? 0,
    contentType: out.ContentType ?? "application/octet-stream",
    body: out.Body as Chunks,
  };
}

export async function putProvinceFile(tenantId: string, key: string, bytes: Uint8Array, contentType: string) {
  const [{ client, bucket }, { PutObjectCommand }] = await Promise.all([filesTarget(), sdk()]);
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: provinceKey(tenantId, key),
      Body: bytes,
      ContentType: contentType,
      ContentLength: bytes.byteLength,
    }),
  );
}

/** Deletes files of the province (deleting a missing one changes nothing). */
export async function deleteProvinceFiles(tenantId: string, keys: string[]): Promise<void> {
  const [{ client, bucket }, { DeleteObjectCommand }] = await Promise.all([filesTarget(), sdk()]);
  for (let i = 0; i < keys.length; i += 10)
    await Promise.all(
      keys
        .slice(i, i + 10)
        .map((key) => client.send(new DeleteObjectCommand({ Bucket: bucket, Key: provinceKey(tenantId, key) }))),
    );
}

// --- Archives: `P/archives/<tenantId>/<jobId>.tar`, outside every province's prefix, so an erase keeps them ---

export const ARCHIVE_CONTENT_TYPE = "application/x-tar";

export function archiveObjectKey(tenantId: string, jobId: string): string {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(jobId)) throw new Error(`Not a job id: ${jobId}`);
  return `P/archives/${provincePrefix(tenantId).slice(2)}${jobId}.tar`;
}

export interface ArchiveUpload {
  write(chunk: Uint8Array): Promise<void>;
  /** Completes the object; nothing is visible at the key before. */
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** S3 takes a multipart object in parts of 5 MiB at least (the last excepted). */
const PART_BYTES = 8 * 1024 * 1024;

/** Writes an archive of any size as a multipart upload, holding one part in memory at a time. */
export async function openArchiveUpload(key: string): Promise<ArchiveUpload> {
  const [{ client, bucket: Bucket }, s3] = await Promise.all([filesTarget(), sdk()]);
  const target = { Bucket, Key: key };
  const { UploadId } = await client.send(
    new s3.CreateMultipartUploadCommand({ ...target, ContentType: ARCHIVE_CONTENT_TYPE }),
  );
  const parts: { ETag?: string; PartNumber: number }[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    const Body = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    const PartNumber = parts.length + 1;
    const { ETag } = await client.send(new s3.UploadPartCommand({ ...target, UploadId, PartNumber, Body }));
    parts.push({ ETag, PartNumber });
  };
  return {
    async write(chunk) {
      pending.push(chunk.slice());
      pendingBytes += chunk.byteLength;
      if (pendingBytes >= PART_BYTES) await flush();
    },
    async finish() {
      if (pendingBytes > 0 || parts.length === 0) await flush();
      await client.send(
        new s3.CompleteMultipartUploadCommand({ ...target, UploadId, MultipartUpload: { Parts: parts } }),
      );
    },
    async abort() {
      await client.send(new s3.AbortMultipartUploadCommand({ ...target, UploadId }));
    },
  };
}

/** An archive's bytes as a stream (read twice by an import: to verify, then to write). */
export async function readArchiveObject(key: string): Promise<Chunks> {
  const [{ client, bucket }, { GetObjectCommand }] = await Promise.all([filesTarget(), sdk()]);
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!out.Body) throw new Error(`No archive at ${key}`);
  return out.Body as Chunks;
}

/** Whether an archive is there, and its size. */
export async function archiveObjectSize(key: string): Promise<number | null> {
  const [{ client, bucket }, { HeadObjectCommand }] = await Promise.all([filesTarget(), sdk()]);
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || status === 403) return null;
    throw error;
  }
}

/** A URL to download an archive, as `fileName`. */
export async function presignArchiveDownload(key: string, fileName: string) {
  const { client, bucket } = await filesTarget();
  return signedGet({ client, Bucket: bucket, Key: key }, fileName);
}

/** A URL to PUT an archive of exactly `size` bytes at `key`, once. */
export async function presignArchiveUpload(key: string, size: number) {
  const { client, bucket } = await filesTarget();
  return signedPut({ client, Bucket: bucket, Key: key }, { contentType: ARCHIVE_CONTENT_TYPE, size });
}
