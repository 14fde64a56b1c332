import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { DocumentRenderer } from "@thidua/core/document/rules";

/**
 * The API's renderer on AWS: invokes the documents function (its own bundle, with the Word and Excel
 * generators) synchronously with the job, and answers the size it stored.
 */
export function invokeRenderer({
  functionName,
  client,
}: {
  functionName: string;
  client: LambdaClient;
}): DocumentRenderer {
  return async (job) => {
    const out = await client.send(
      new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(job)) }),
    );
    const text = new TextDecoder().decode(out.Payload ?? new Uint8Array());
    if (out.FunctionError) throw new Error(`The documents function failed: ${out.FunctionError} ${text.slice(0, 500)}`);
    const { size } = JSON.parse(text) as { size: number };
    if (!Number.isInteger(size)) throw new Error(`The documents function answered no size: ${text.slice(0, 200)}`);
    return { size };
  };
}

export const createLambdaClient = (region: string) => new LambdaClient({ region });
