/// <reference types="vite/client" />

/** Built in by the SST web stack (infra/web.ts); all unset in a local build. */
interface ImportMetaEnv {
  /** The API's origin (API Gateway); unset, the dashboard calls `/api/…` on its own origin. */
  readonly VITE_API_URL?: string;
  readonly VITE_COGNITO_REGION?: string;
  readonly VITE_COGNITO_USER_POOL_ID?: string;
  readonly VITE_COGNITO_CLIENT_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
