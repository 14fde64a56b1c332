import type { Role } from "../actor.ts";

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
  /** Removes an identity reserved for a province write that then failed; a joined one is left alone. */
  release(email: string): Promise<void>;
  /** Sends (again) the link that sets the password; one who has joined answers 409 `account.already_joined`. */
  invite(email: string): Promise<Invitation>;
  /** Role, province and unit as the next tokens will carry them. */
  update(user: DirectoryUser): Promise<void>;
  /** Disabling also ends every session: no refresh token of theirs works any more. */
  setEnabled(email: string, enabled: boolean): Promise<void>;
}
