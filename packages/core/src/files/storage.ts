import type { S3Client, S3ClientConfig } from "@aws-sdk/client-s3";
import type { ProvinceScope } from "../db/scope.ts";
import {
  attachmentDisposition,
  detectKind,
  EVIDENCE_MAX_BYTES,
  type EvidenceKind,
  furtherRange,
  kindOfContentType,
  SNIFF_BYTES,
} from "./files.rules.ts";

/*
 * A province's files in the one private bucket, under `T/<tenantId>/`. Every function takes the province
 * from a scope and refuses a key outside it; on AWS the client of a province also signs with credentials
 * that IAM limits to that prefix, so a wrong key fails twice.
 */

export type { S3Client };

/*
 * The SDK's S3 code loads on the first use of a file, not at a cold start: most requests reach no file,
 * and the API function starts faster without it (docs/performance.md).
 */
const sdk = () => import("@aws-sdk/client-s3");
const presigner = () => import("@aws-sdk/s3-request-presigner");

/** How long an upload URL works: time to pick and send a 20 MB file on a slow line. */
export const UPLOAD_URL_SECONDS = 600;
/** How long a download URL works: it is fetched at once by the click that asked for it. */
export const DOWNLOAD_URL_SECONDS = 300;
/** The longest a URL works; the credentials signing it must outlive it (functions/src/aws). */
export const PRESIGNED_URL_MAX_SECONDS = UPLOAD_URL_SECONDS;

export interface FilesConfig {
  bucket: string;
  /** The deployable's own client (made on first use: `lazyS3Client`); locally it serves every province. */
  client: () => Promise<S3Client>;
  /** The client for one province's files; on AWS it holds credentials scoped to `T/<tenantId>/`. */
  clientForTenant?: (tenantId: string) => Promise<S3Client>;
}

let config: FilesConfig | undefined;

/** Called once by each deployable (Lambda entry, local runtime, tests) before any file is reached. */
export function configureFiles(next: FilesConfig): void {
  config = next;
}

/** The bucket with the deployable's own client: for the jobs that move a province whole (province-files.ts). */
export async function filesTarget(): Promise<{ bucket: string; client: S3Client }> {
  if (!config) throw new Error("configureFiles() was not called");
  return { bucket: config.bucket, client: await config.client() };
}

/** The local S3-compatible server's fixed key pair; it checks that a key exists, not what it signs. */
const LOCAL_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface S3ClientOptions {
  region: string;
  /** A local S3-compatible server's URL; absent on AWS. */
  endpoint?: string;
  /** Defaults to the local server's keys with an endpoint, to the AWS chain without one. */
  credentials?: S3ClientConfig["credentials"];
}

export async function createS3Client({ region, endpoint, credentials }: S3ClientOptions): Promise<S3Client> {
  const { S3Client } = await sdk();
  const local = endpoint ? { endpoint, forcePathStyle: true, credentials: LOCAL_CREDENTIALS } : {};
  return new S3Client({
    region,
    ...local,
    ...(credentials ? { credentials } : {}),
    // A presigned PUT has no body to checksum: a checksum of nothing would be signed in and fail the upload.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** A client made on its first use, then kept (a failed making is tried again by the next use). */
export function lazyS3Client(options: S3ClientOptions): () => Promise<S3Client> {
  let made: Promise<S3Client> | undefined;
  return () => {
    made ??= createS3Client(options).catch((error) => {
      made = undefined;
      throw error;
    });
    return made;
  };
}

// --- Keys ---

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function segment(value: string, what: string): string {
  if (!SEGMENT.test(value) || value.includes("..")) throw new Error(`Invalid ${what} in a file key: ${value}`);
  return value;
}

const prefixOf = (scope: Pick<ProvinceScope, "tenantId">) => `T/${segment(scope.tenantId, "province")}/`;

export interface EvidenceKeyParts {
  blocId: string;
  year: number;
  unitId: string;
  /** Made by the caller, new for each upload (a random UUID): a key is never written twice. */
  fileId: string;
}

/** `T/<tenantId>/evidence/<blocId>/<year>/<unitId>/<fileId>` for the scope's province. */
export function evidenceKey(scope: ProvinceScope, { blocId, year, unitId, fileId }: EvidenceKeyParts): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Invalid year in a file key: ${year}`);
  const parts = [segment(blocId, "bloc"), String(year), segment(unitId, "unit"), segment(fileId, "file id")];
  return `${prefixOf(scope)}evidence/${parts.join("/")}`;
}

/** `T/<tenantId>/documents/<blocId>/<year>/<name>`: a document drawn for a bloc-year (never written twice). */
export function documentKey(
  scope: ProvinceScope,
  { blocId, year, name }: { blocId: string; year: number; name: string },
) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Invalid year in a file key: ${year}`);
  return `${prefixOf(scope)}documents/${segment(blocId, "bloc")}/${year}/${segment(name, "document name")}`;
}

/** The bucket and the client for a key of the scope's province; any other key is refused. */
async function reach(scope: Pick<ProvinceScope, "tenantId">, key: string) {
  if (!config) throw new Error("configureFiles() was not called");
  const prefix = prefixOf(scope);
  const rest = key.startsWith(prefix) ? key.slice(prefix.length).split("/") : [];
  if (rest.length === 0 || rest.some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`Refused a file key outside province ${scope.tenantId}: ${key}`);
  }
  const client = await (config.clientForTenant?.(scope.tenantId) ?? config.client());
  return { Bucket: config.bucket, Key: key, client };
}

const expiresAt = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

// --- Presigned URLs ---

export interface PresignedUpload {
  url: string;
  method: "PUT";
  /**
   * Send exactly these with the file as the body (the browser adds Content-Length, which is signed too):
   * another type or size is refused. `If-None-Match: *` makes the first upload the only one (412 after).
   */
  headers: Record<string, string>;
  expiresAt: string;
}

/** An object the deployable's own client signs for: an evidence file, a document, an archive. */
export interface SignedTarget {
  client: S3Client;
  Bucket: string;
  Key: string;
}

/** A URL to PUT exactly `size` bytes of `contentType` at the target, once, working for `UPLOAD_URL_SECONDS`. */
export async function signedPut(
  { client, ...target }: SignedTarget,
  { contentType, size }: { contentType: string; size: number },
): Promise<PresignedUpload> {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
  const command = new PutObjectCommand({ ...target, ContentType: contentType, ContentLength: size, IfNoneMatch: "*" });
  const url = await getSignedUrl(client, command, {
    expiresIn: UPLOAD_URL_SECONDS,
    // The presigner leaves Content-Type out of the signature unless told; these make S3 hold the client to them.
    signableHeaders: new Set(["content-type", "content-length", "if-none-match"]),
  });
  const headers = { "content-type": contentType, "if-none-match": "*" };
  return { url, method: "PUT", headers, expiresAt: expiresAt(UPLOAD_URL_SECONDS) };
}

/** A URL to GET the target as an attachment named `fileName`, working for `DOWNLOAD_URL_SECONDS`. */
export async function signedGet(
  { client, ...target }: SignedTarget,
  fileName: string,
): Promise<{ url: string; expiresAt: string }> {
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), presigner()]);
  const command = new GetObjectCommand({ ...target, ResponseContentDisposition: attachmentDisposition(fileName) });
  const url = await getSignedUrl(client, command, { expiresIn: DOWNLOAD_URL_SECONDS });
  return { url, expiresAt: expiresAt(DOWNLOAD_URL_SECONDS) };
}

/** A URL to PUT one evidence file of the declared type and size at `key` of the scope's province. */
export async function presignUpload(
  scope: ProvinceScope,
  key: string,
  { contentType, size }: { contentType: string; size: number },
): Promise<PresignedUpload> {
  if (!kindOfContentType(contentType)) throw new Error(`Not an evidence type: ${contentType}`);
  if (!Number.isInteger(size) || size < 1 || size > EVIDENCE_MAX_BYTES) throw new Error(`Invalid size: ${size}`);
  return signedPut(await reach(scope, key), { contentType, size });
}

/** A URL to GET the file at `key` of the scope's province as an attachment named `fileName`. */
export async function presignDownload(scope: ProvinceScope, key: string, { fileName }: { fileName: string }) {
  return signedGet(await reach(scope, key), fileName);
}

// --- Writing, reading and deleting ---

/**
 * Stores a drawn document at `key`, which must be under `T/<tenantId>/documents/`: the documents function
 * holds no scope (it reaches no data), only the key the API made and the right to put documents.
 */
export async function storeDocument(
  tenantId: string,
  key: string,
  { bytes, contentType }: { bytes: Uint8Array; contentType: string },
): Promise<void> {
  const [{ client, ...target }, { PutObjectCommand }] = await Promise.all([reach({ tenantId }, key), sdk()]);
  if (!key.startsWith(`${prefixOf({ tenantId })}documents/`)) throw new Error(`Not a document key: ${key}`);
  await client.send(
    new PutObjectCommand({ ...target, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }),
  );
}

export interface InspectedUpload {
  size: number;
  /** What the bytes are, or null when they are no allowed kind. */
  kind: EvidenceKind | null;
  /** The type the upload declared (and its URL signed). */
  contentType: string | undefined;
}

/**
 * What was uploaded at `key`: its size and its kind by content (at most two small ranged reads), or null
 * when nothing is there. Without s3:ListBucket, S3 answers 403 for a missing key: read as missing too.
 */
export async function inspectUpload(scope: ProvinceScope, key: string): Promise<InspectedUpload | null> {
  const [{ client, ...target }, { GetObjectCommand, HeadObjectCommand }] = await Promise.all([
    reach(scope, key),
    sdk(),
  ]);
  let head: { ContentLength?: number; ContentType?: string; ETag?: string };
  try {
    head = await client.send(new HeadObjectCommand(target));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const size = head.ContentLength ?? 0;
  const found = { size, contentType: head.ContentType };
  if (size === 0) return { ...found, kind: null };
  // The ETag pins every read to the object the HEAD saw.
  const read = async (start: number, end: number) => {
    const res = await client.send(
      new GetObjectCommand({ ...target, Range: `bytes=${start}-${end}`, IfMatch: head.ETag }),
    );
    const bytes = (await res.Body?.transformToByteArray()) ?? new Uint8Array();
    return bytes.subarray(0, end - start + 1);
  };
  const first = await read(0, Math.min(size, SNIFF_BYTES) - 1);
  const further = furtherRange(first, size);
  const more = further && { offset: further.start, bytes: await read(further.start, further.end) };
  return { ...found, kind: detectKind(first, more) };
}

/** Deletes the file at `key` (nothing happens when there is none). */
export async function deleteObject(scope: ProvinceScope, key: string): Promise<void> {
  const [{ client, ...target }, { DeleteObjectCommand }] = await Promise.all([reach(scope, key), sdk()]);
  await client.send(new DeleteObjectCommand(target));
}

function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404 || status === 403;
}
