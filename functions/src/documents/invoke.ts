import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import type { DocumentContent, DocumentPreviewer, DocumentRenderer } from "@thidua/core/document/rules";

/*
 * The API's renderer and previewer on AWS: they invoke the documents function (its own bundle, with the Word
 * and Excel generators) synchronously, with a job to draw and store, or with `{ preview }` to draw as HTML.
 */

/** What the documents function takes: a job to store, or content to preview. */
export type DocumentsEvent = Parameters<DocumentRenderer>[0] | { preview: DocumentContent };

interface Target {
  functionName: string;
  client: LambdaClient;
}

async function invoke({ functionName, client }: Target, event: DocumentsEvent): Promise<unknown> {
  const out = await client.send(
    new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(event)) }),
  );
  const text = new TextDecoder().decode(out.Payload ?? new Uint8Array());
  if (out.FunctionError) throw new Error(`The documents function failed: ${out.FunctionError} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

export function invokeRenderer(target: Target): DocumentRenderer {
  return async (job) => {
    const { size } = (await invoke(target, job)) as { size: number };
    if (!Number.isInteger(size)) throw new Error(`The documents function answered no size: ${String(size)}`);
    return { size };
  };
}

export function invokePreviewer(target: Target): DocumentPreviewer {
  return async (content) => {
    const { html } = (await invoke(target, { preview: content })) as { html: string };
    if (typeof html !== "string") throw new Error("The documents function answered no page");
    return html;
  };
}

export const createLambdaClient = (region: string) => new LambdaClient({ region });
