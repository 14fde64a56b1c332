import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../actor.ts";
import { type PlatformTx, platformEntities } from "../db/platform.ts";
import type { Change } from "../db/write.ts";
import { type ErrorCode, forbidden, invalid, notFound, parseInput } from "../error.ts";
import { commitIdentity, type Identity, passwordSet, toActor } from "./identity.ts";
import { hashPassword } from "./password.ts";
import { passwordProblem, TypedPassword } from "./password-policy.rules.ts";

/*
 * One-time links of the local identity provider: an invitation sets the first password, a reset sets a
 * new one. The link carries `<email, base64url>.<secret>` after `#`, so the secret never reaches a server
 * log; the link record keeps only its SHA-256 (the outbox, the local mailbox, holds the message).
 */

export type LinkPurpose = "invitation" | "reset";
export type OutboxItem = Parameters<ReturnType<typeof platformEntities>["outbox"]["create"]>[0];

const digest = (secret: string) => createHash("sha256").update(secret).digest("base64url");

const LinkToken = z
  .string()
  .max(600)
  .transform((token, ctx) => {
    const [email, secret, extra] = token.split(".");
    const address = email ? Buffer.from(email, "base64url").toString("utf8") : "";
    if (extra !== undefined || !secret || !z.email().max(254).safeParse(address).success) {
      ctx.addIssue({ code: "custom", message: "link.invalid" });
      return z.NEVER;
    }
    return { email: address, secret };
  });

/** The changes that replace `identity`'s link for `purpose` by a new one, and the outbox message carrying it. */
export function newLink(
  identity: Pick<Identity, "email" | "name">,
  purpose: LinkPurpose,
  { baseUrl, hours }: { baseUrl: string; hours: number },
): { changes: Change<PlatformTx>[]; message: OutboxItem } {
  const secret = randomBytes(32).toString("base64url");
  const token = `${Buffer.from(identity.email).toString("base64url")}.${secret}`;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + hours * 3600_000).toISOString();
  const page = purpose === "invitation" ? "accept-invitation" : "reset-password";
  const message: OutboxItem = {
    messageId: randomUUID(),
    at: now.toISOString(),
    to: identity.email,
    name: identity.name,
    purpose,
    link: `${baseUrl}/${page}#${token}`,
    expiresAt,
  };
  const link = { email: identity.email, purpose, secretHash: digest(secret), expiresAt, createdAt: message.at };
  return {
    message,
    changes: [
      { write: (tx) => tx.credentialLink.put(link).commit() },
      { write: (tx) => tx.outbox.create(message).commit() },
    ],
  };
}

const refused = (code: ErrorCode) => (code === "link.invalid" ? notFound(code) : invalid(code, code));

/** The link and identity a token names, if the link is still good; else why not. */
async function openLink(token: unknown, purpose: LinkPurpose) {
  const parsed = LinkToken.safeParse(token);
  if (!parsed.success) throw refused("link.invalid");
  const { email, secret } = parsed.data;
  const entities = platformEntities();
  const [{ data: link }, { data: identity }] = await Promise.all([
    entities.credentialLink.get({ email, purpose }).go(),
    entities.identity.get({ email }).go(),
  ]);
  const expected = Buffer.from(link?.secretHash ?? "", "base64url");
  const given = Buffer.from(digest(secret), "base64url");
  if (!link || !identity || expected.length !== given.length || !timingSafeEqual(expected, given))
    throw refused("link.invalid");
  if (link.usedAt) throw refused("link.used");
  // A password set or an account disabled since the link was sent ends it, as it ends sessions.
  if (identity.sessionsValidFrom && link.createdAt < identity.sessionsValidFrom) throw refused("link.invalid");
  if (Date.parse(link.expiresAt) < Date.now()) throw refused("link.expired");
  if (identity.status === "disabled") throw forbidden("auth.account_disabled", "This account is deactivated");
  return { link, identity };
}

/** Whom a link is for, for the page that opens it: a used, expired or unknown link answers why. */
export async function linkInfo(token: unknown, purpose: LinkPurpose) {
  const { link, identity } = await openLink(token, purpose);
  return { email: identity.email, name: identity.name, expiresAt: link.expiresAt };
}

const UseLink = z.object({ token: z.string().max(600), password: TypedPassword });

/**
 * Sets the password a link is for, once: the link is spent and the identity active in one transaction,
 * so a link used twice at the same moment sets one password. Earlier sessions end.
 */
export async function usePasswordLink(input: unknown, purpose: LinkPurpose): Promise<Actor> {
  const { token, password } = parseInput(UseLink, input);
  const { link, identity } = await openLink(token, purpose);
  const problem = passwordProblem(password, identity.email);
  if (problem) throw invalid(problem, problem, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);
  await commitIdentity([
    {
      write: (tx) =>
        tx.credentialLink
          .patch({ email: link.email, purpose })
          .set({ usedAt: new Date().toISOString() })
          .where((attr, op) => `${op.eq(attr.secretHash, link.secretHash)} AND ${op.notExists(attr.usedAt)}`)
          .commit(),
      conflict: () => refused("link.used"),
    },
    passwordSet(identity.email, passwordHash),
  ]);
  return toActor(identity);
}
