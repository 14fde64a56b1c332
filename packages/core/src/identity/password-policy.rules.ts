import { z } from "zod";
import { commonPasswords } from "./common-passwords.ts";

/**
 * What a new password must be, here and in Cognito's pool policy: long rather than complicated (no
 * character-class rules, after NIST SP 800-63B), and none of the passwords people pick most often.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

let common: Set<string> | undefined;
const isCommon = (password: string) => {
  common ??= new Set(commonPasswords.split("\n"));
  return common.has(password.toLowerCase());
};

/** Why a password cannot be chosen: the codes a refusal answers (and the API documents). */
export const passwordProblems = [
  "password.too_short",
  "password.too_long",
  "password.too_common",
  "password.like_email",
] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/** Why `password` cannot be chosen by the owner of `email`, or undefined when it can. */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) return "password.too_short";
  if (length > PASSWORD_MAX_LENGTH) return "password.too_long";
  const lower = password.toLowerCase();
  if (isCommon(lower) || new Set(lower).size <= 2) return "password.too_common";
  // The part before the @ counts from 4 characters: a shorter one ("lai") is a common syllable.
  const address = email?.toLowerCase() ?? "";
  const local = address.split("@")[0] ?? "";
  if (address && (lower.includes(address) || (local.length >= 4 && lower.includes(local))))
    return "password.like_email";
  return undefined;
}

/** A password as typed, bounded in UTF-16 units: the policy's 200 characters may take twice as many. */
export const TypedPassword = z.string().max(PASSWORD_MAX_LENGTH * 2);

/** A new password as the API takes it: the message of a refusal is its code, which the dashboard translates. */
export const NewPassword = TypedPassword.superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}).meta({
  minLength: PASSWORD_MIN_LENGTH,
  description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters once composed (NFC), not one that people choose most often`,
});
