export { actorFromClaims, claim, claimsFor } from "./claims.ts";
export { createVerifier, remoteKeys, type Verifier, type VerifierOptions } from "./verifier.ts";
