/*
 * Evidence files: what may be uploaded (rules) and the province's part of the private bucket (storage).
 * The deployables call `configureFiles`; use cases reach files only through a ProvinceScope.
 */
export * from "./files.rules.ts";
export {
  configureFiles,
  createS3Client,
  DOWNLOAD_URL_SECONDS,
  deleteObject,
  documentKey,
  type EvidenceKeyParts,
  evidenceKey,
  type FilesConfig,
  type InspectedUpload,
  inspectUpload,
  lazyS3Client,
  PRESIGNED_URL_MAX_SECONDS,
  type PresignedUpload,
  presignDownload,
  presignUpload,
  type S3Client,
  type S3ClientOptions,
  storeDocument,
  UPLOAD_URL_SECONDS,
} from "./storage.ts";
