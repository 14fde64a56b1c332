/** An API Gateway HTTP API (payload 2.0) request, as a Lambda function receives it. */
export const httpEvent = (method: string, path: string, headers: Record<string, string> = {}) => ({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: { host: "api.thidua.bench", ...headers },
  requestContext: {
    http: { method, path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "bench" },
    requestId: "bench",
    stage: "$default",
    timeEpoch: 0,
  },
  isBase64Encoded: false,
});
