import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { ArchiveRunner } from "@thidua/core/archive";

/*
 * The API's archive runner on AWS: it invokes the archive function asynchronously (an export or an import
 * takes minutes, beyond any HTTP request) with the job to drive. The function reads the job and reports its
 * progress on it; a failed invocation is retried by Lambda, and a retry drives nothing that another drives.
 */

export function invokeArchiveRunner({
  functionName,
  client,
}: {
  functionName: string;
  client: LambdaClient;
}): ArchiveRunner {
  return async ({ tenantId, jobId }) => {
    const out = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: "Event",
        Payload: new TextEncoder().encode(JSON.stringify({ tenantId, jobId })),
      }),
    );
    if (out.StatusCode !== 202) throw new Error(`The archive function was not invoked: status ${out.StatusCode}`);
  };
}
