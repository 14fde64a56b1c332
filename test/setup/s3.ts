import { startS3 } from "@thidua/local/s3";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
    filesBucket: string;
  }
}

/** One local S3-compatible server for the run, in a temporary folder; tests keep apart by province. */
export default async function setup(project: TestProject) {
  const s3 = await startS3();
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("filesBucket", s3.bucket);
  return () => s3.stop();
}
