import { configureDb, createClient } from "@thidua/core/db";
import { configureFiles, lazyS3Client } from "@thidua/core/files";
import { inject } from "vitest";

// Every worker talks to the run's DynamoDB Local and S3 server; tests that need no storage simply never call them.
configureDb({
  tableName: inject("tableName"),
  client: createClient({ region: "local", endpoint: inject("dynamoEndpoint") }),
});
configureFiles({
  bucket: inject("filesBucket"),
  client: lazyS3Client({ region: "local", endpoint: inject("s3Endpoint") }),
});
