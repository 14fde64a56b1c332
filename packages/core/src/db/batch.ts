import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from "@aws-sdk/client-dynamodb";

/** One batch (25 requests at most), its unprocessed items sent again (DynamoDB Local may leave some under load). */
export async function writeAll(client: DynamoDBClient, table: string, requests: WriteRequest[]) {
  let pending = requests;
  while (pending.length > 0) {
    const { UnprocessedItems } = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
    pending = UnprocessedItems?.[table] ?? [];
  }
}
