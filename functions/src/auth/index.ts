export { actorFromClaims, claim, claimsFor } from "./claims.ts";
export { createSignInGuard, defaultSignInPolicy, type SignInGuard, type SignInPolicy } from "./sign-in-guard.ts";
export { createVerifier, remoteKeys, type Verifier, type VerifierOptions } from "./verifier.ts";
