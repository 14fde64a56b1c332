import { rmSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface RunningS3 {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

export interface S3Options {
  /** Where objects persist; a temporary folder, removed on stop, without it. */
  directory?: string;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  bucket?: string;
}

export const LOCAL_FILES_BUCKET = "thidua-files";

/**
 * The dashboard PUTs files straight to presigned URLs, from another origin than the server's. Any origin,
 * as on AWS: the signature in the URL is the permission, and no cookie rides along.
 */
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/**
 * Starts an S3-compatible server (s3rver, in this process) on loopback with the files bucket, so the same
 * `@aws-sdk/client-s3` code runs locally as on AWS. It answers once `run()` resolves: it is listening then.
 */
export async function startS3({
  directory,
  port = 0,
  bucket = LOCAL_FILES_BUCKET,
}: S3Options = {}): Promise<RunningS3> {
  const temporary = directory ? undefined : await mkdtemp(join(tmpdir(), "thidua-s3-"));
  const removeTemporary = () => temporary && rmSync(temporary, { recursive: true, force: true });
  // Whatever ends this process, a temporary folder goes with it.
  process.once("exit", removeTemporary);
  if (directory) await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory: directory ?? temporary,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  });
  let address: { port: number };
  try {
    address = await server.run();
  } catch (error) {
    process.off("exit", removeTemporary);
    if (temporary) await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = async () => {
    const closing = server.close();
    // Keep-alive connections of SDK clients would hold the close open: end them.
    (server as unknown as { httpServer?: Server }).httpServer?.closeAllConnections();
    await closing;
    process.off("exit", removeTemporary);
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    stop: () => (stopped ??= stop()),
  };
}
