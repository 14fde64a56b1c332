/** An API Gateway HTTP API request (payload 2.0), as the API function receives it: for loading a bundle offline. */
export const httpEvent = (method: string, path: string, headers: Record<string, string> = {}) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: { host: "api.thidua.test", ...headers },
  requestContext: {
    http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "offline" },
    requestId: "offline",
    stage: "$default",
    timeEpoch: 0,
  },
  isBase64Encoded: false,
});
