import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { LocalIdp } from "@thidua/local/idp";

/** The identity provider's public keys over HTTP, as Cognito publishes its JWKS, for the bundled API. */
export async function serveJwks(idp: LocalIdp): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify(idp.jwks);
  const server = createServer((_, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
