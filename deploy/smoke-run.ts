/**
 * The smoke test of a running stage, from outside, as a client would: health, the OpenAPI document, the
 * operator's sign-in, and two fresh provinces that cannot see each other's data; then it cleans up after
 * itself (the provinces archived, on AWS their board accounts deleted). The same run works against AWS
 * (Cognito sign-in) and against `npm start` (the local identity provider), told apart by `/api/auth/config`.
 */

export interface SmokeOptions {
  /** The API's base URL (the stage's ApiUrl output, or http://localhost:3000 locally). */
  url: string;
  operatorEmail: string;
  operatorPassword: string;
  log?: (line: string) => void;
}

export interface SmokeStep {
  name: string;
  ok: boolean;
  detail?: string;
}

type AuthConfig = { provider: "local" } | { provider: "cognito"; region: string; userPoolId: string; clientId: string };

class StepFailed extends Error {}

/** One HTTP call to the API: the answer's status and its JSON body (or text). */
async function call(url: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(`${url.replace(/\/+$/, "")}${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: the API's answers, read by the steps that state their shape
  return { status: response.status, body: body as any };
}

function expectStatus(answer: { status: number; body: unknown }, status: number, what: string): void {
  if (answer.status !== status)
    throw new StepFailed(`${what}: answered ${answer.status}, expected ${status} (${JSON.stringify(answer.body)})`);
}

/** Cognito's public sign-in call (what the dashboard does): an ID token for email and password. */
async function cognitoSignIn(config: Extract<AuthConfig, { provider: "cognito" }>, email: string, password: string) {
  const response = await fetch(`https://cognito-idp.${config.region}.amazonaws.com/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth",
    },
    body: JSON.stringify({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: config.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = (await response.json()) as {
    AuthenticationResult?: { IdToken: string };
    ChallengeName?: string;
    message?: string;
  };
  if (answer.ChallengeName === "NEW_PASSWORD_REQUIRED")
    throw new StepFailed(`${email} has a temporary password: sign in once in the dashboard to choose one`);
  if (!answer.AuthenticationResult)
    throw new StepFailed(`Cognito refused ${email}: ${answer.message ?? response.status}`);
  return answer.AuthenticationResult.IdToken;
}

async function signIn(url: string, config: AuthConfig, email: string, password: string): Promise<string> {
  if (config.provider === "cognito") return cognitoSignIn(config, email, password);
  const answer = await call(url, "/api/auth/local/login", { method: "POST", body: { email, password } });
  expectStatus(answer, 200, `signing in as ${email}`);
  return answer.body.token;
}

/** A password for the throwaway board accounts: long and random, never printed. */
const throwawayPassword = () => `Smoke-${crypto.randomUUID()}`;

/** Cognito, with the caller's own AWS credentials (the operator who deployed): set or delete a smoke account. */
async function cognitoAdmin(config: Extract<AuthConfig, { provider: "cognito" }>) {
  const sdk = await import("@aws-sdk/client-cognito-identity-provider");
  const client = new sdk.CognitoIdentityProviderClient({ region: config.region });
  return {
    setPassword: (email: string, password: string) =>
      client.send(
        new sdk.AdminSetUserPasswordCommand({
          UserPoolId: config.userPoolId,
          Username: email,
          Password: password,
          Permanent: true,
        }),
      ),
    remove: (email: string) =>
      client.send(new sdk.AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: email })),
  };
}

export async function smoke({ url, operatorEmail, operatorPassword, log = () => {} }: SmokeOptions) {
  const steps: SmokeStep[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      const result = await run();
      steps.push({ name, ok: true });
      log(`ok   ${name}`);
      return result;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      steps.push({ name, ok: false, detail });
      log(`FAIL ${name}: ${detail}`);
      throw error;
    }
  };

  const run = `${Date.now().toString(36)}`;
  const [local, domain] = operatorEmail.split("@");
  const provinces = (["a", "b"] as const).map((side) => ({
    tenantId: `smoke-${run}-${side}`,
    name: `Kiểm tra sau triển khai ${run} ${side.toUpperCase()}`,
    // Plus-addressed to the operator: on AWS, Cognito's invitation (if any mail is delivered) reaches them.
    boardEmail: `${local}+smoke-${run}-${side}@${domain}`,
    boardName: "Người kiểm tra sau triển khai",
  }));
  const created: string[] = [];
  // One Cognito admin client for the run (loaded on first use: only AWS stages need it).
  let admin: ReturnType<typeof cognitoAdmin> | undefined;
  const adminOf = (auth: Extract<AuthConfig, { provider: "cognito" }>) => (admin ??= cognitoAdmin(auth));
  let config: AuthConfig | undefined;
  let operatorToken: string | undefined;

  try {
    await step("GET /api/health answers ok", async () => {
      const answer = await call(url, "/api/health");
      expectStatus(answer, 200, "health");
      if (answer.body?.status !== "ok") throw new StepFailed(`health said ${JSON.stringify(answer.body)}`);
    });
    await step("GET /api/openapi.json is an OpenAPI 3.1 document", async () => {
      const answer = await call(url, "/api/openapi.json");
      expectStatus(answer, 200, "the OpenAPI document");
      if (!String(answer.body?.openapi).startsWith("3.1") || !answer.body?.paths?.["/api/units"])
        throw new StepFailed("the document is not the API's OpenAPI 3.1 description");
    });
    config = await step("GET /api/auth/config names the sign-in", async () => {
      const answer = await call(url, "/api/auth/config");
      expectStatus(answer, 200, "the sign-in settings");
      return answer.body as AuthConfig;
    });
    const auth = config;
    const operator = await step(`the operator signs in (${auth.provider})`, async () => {
      const token = await signIn(url, auth, operatorEmail, operatorPassword);
      const me = await call(url, "/api/me", { token });
      expectStatus(me, 200, "GET /api/me");
      if (me.body.role !== "operator") throw new StepFailed(`${operatorEmail} is ${me.body.role}, not an operator`);
      return token;
    });
    operatorToken = operator;

    const boards = await step("the operator onboards two fresh provinces", async () => {
      const tokens: string[] = [];
      for (const province of provinces) {
        const answer = await call(url, "/api/tenants", { method: "POST", token: operator, body: province });
        expectStatus(answer, 201, `onboarding ${province.tenantId}`);
        created.push(province.tenantId);
        const password = throwawayPassword();
        if (auth.provider === "cognito") await (await adminOf(auth)).setPassword(province.boardEmail, password);
        else {
          const token = String(answer.body.invitation?.link ?? "").split("#")[1];
          const accepted = await call(url, "/api/auth/local/invitation", {
            method: "POST",
            body: { token, password },
          });
          expectStatus(accepted, 200, "accepting the board's invitation");
        }
        tokens.push(await signIn(url, auth, province.boardEmail, password));
      }
      return tokens as [string, string];
    });

    const [boardA, boardB] = boards;
    const unit = await step("province A's board creates a unit and reads it", async () => {
      const answer = await call(url, "/api/units", {
        method: "POST",
        token: boardA,
        body: { name: "Văn phòng kiểm tra", kind: "state_agency" },
      });
      expectStatus(answer, 201, "creating a unit");
      expectStatus(await call(url, `/api/units/${answer.body.unitId}`, { token: boardA }), 200, "reading it back");
      return answer.body as { unitId: string; version: number };
    });
    await step("province B's board can neither read, list nor change it (404), nor list provinces (403)", async () => {
      expectStatus(await call(url, `/api/units/${unit.unitId}`, { token: boardB }), 404, "B reading A's unit");
      const list = await call(url, "/api/units", { token: boardB });
      expectStatus(list, 200, "B listing its units");
      if (JSON.stringify(list.body).includes(unit.unitId)) throw new StepFailed("B's list holds A's unit");
      const change = { method: "PATCH", token: boardB, body: { name: "Đổi tên", version: unit.version } };
      expectStatus(await call(url, `/api/units/${unit.unitId}`, change), 404, "B renaming A's unit");
      expectStatus(await call(url, "/api/tenants", { token: boardB }), 403, "B listing provinces");
    });
  } catch {
    // The failed step is recorded; the clean-up below runs all the same.
  } finally {
    if (created.length > 0 && operatorToken && config) {
      const auth = config;
      const token = operatorToken;
      await step("clean up: the smoke provinces archived, their accounts removed", async () => {
        for (const tenantId of created) {
          for (const status of ["suspended", "archived"]) {
            const current = await call(url, `/api/tenants/${tenantId}`, { token });
            expectStatus(current, 200, `reading ${tenantId}`);
            const patch = { method: "PATCH", token, body: { status, version: current.body.version } };
            expectStatus(await call(url, `/api/tenants/${tenantId}`, patch), 200, `setting ${tenantId} ${status}`);
          }
        }
        if (auth.provider === "cognito") {
          const cognito = await adminOf(auth);
          for (const province of provinces.filter((p) => created.includes(p.tenantId)))
            await cognito.remove(province.boardEmail);
        }
      }).catch(() => {});
    }
  }
  return { passed: steps.length > 0 && steps.every((s) => s.ok), steps, provinces: created };
}
