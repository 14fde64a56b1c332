import type { Role } from "../actor.ts";
import { conflict } from "../error.ts";

/** A person as the identity provider knows them: what their tokens will say. */
export interface DirectoryUser {
  email: string;
  name: string;
  role: Role;
  tenantId?: string;
  unitId?: string;
}

export interface DirectoryEntry extends DirectoryUser {
  userId: string;
  /** Whether they have set a password (accepted an invitation). */
  joined: boolean;
}

/** What an invitation left behind: locally, the link the outbox holds; on AWS, nothing (Cognito mailed it). */
export interface Invitation {
  link?: string;
}

/** The identity provider already holds this address. */
export const emailTaken = (path = "email") =>
  conflict("account.email_taken", "This email already has an account", [{ path, message: "account.email_taken" }]);
export const alreadyJoined = () => conflict("account.already_joined", "This person has already set a password");

/** Whom a directory call is for: the address it is found by, and the id it must still have. */
export interface DirectoryKey {
  email: string;
  userId: string;
}

/**
 * The identity provider that signs people in: Cognito on AWS, the built-in one locally. The account use
 * cases keep it in step with the province's records; it is another system (no transaction spans both),
 * so each call is safe to repeat.
 */
export interface Directory {
  readonly kind: "local" | "cognito";
  find(email: string): Promise<DirectoryEntry | undefined>;
  /**
   * Creates the identity without telling anyone and without a password, so it cannot sign in yet; answers
   * its user id (Cognito's `sub`). An email already held answers 409 `account.email_taken`.
   */
  reserve(user: DirectoryUser): Promise<{ userId: string }>;
  /**
   * Removes an identity reserved for an account write that then failed; one that has joined, or that is
   * another id's by now, is left alone.
   */
  release(key: DirectoryKey): Promise<void>;
  /** Sends (again) the link that sets the password; one who has joined answers 409 `account.already_joined`. */
  invite(email: string): Promise<Invitation>;
  /**
   * Role, province and unit as the next tokens will carry them. An identity that is not (or no longer)
   * this id's answers 404 `account.not_found`, so an edit never reaches someone else's.
   */
  update(user: DirectoryUser & DirectoryKey): Promise<void>;
  /** Disabling also ends every session: no refresh token of theirs works any more. Safe to repeat. */
  setEnabled(key: DirectoryKey, enabled: boolean): Promise<void>;
}
