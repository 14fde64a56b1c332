import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  UnsupportedUserStateException,
  UserNotFoundException,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import {
  alreadyJoined,
  type Directory,
  type DirectoryEntry,
  type DirectoryKey,
  type DirectoryUser,
  emailTaken,
} from "@thidua/core/account";
import { Role } from "@thidua/core/actor";
import { notFound } from "@thidua/core/error";
import { claim } from "../auth/claims.ts";

/** The attributes the API sets (the dashboard's app client cannot write the `custom:` ones). */
const attributesOf = (user: DirectoryUser): AttributeType[] => [
  { Name: "name", Value: user.name },
  { Name: claim.role, Value: user.role },
  ...(user.tenantId ? [{ Name: claim.tenant, Value: user.tenantId }] : []),
  ...(user.unitId ? [{ Name: claim.unit, Value: user.unitId }] : []),
];

/**
 * The Cognito user pool as the accounts' Directory. The username is the email. A reserved user is
 * created with its invitation suppressed, so it has no password anyone knows until `invite` sends
 * Cognito's invitation (a temporary password, valid as long as the pool says) with MessageAction RESEND.
 */
export function createCognitoDirectory({
  client,
  userPoolId,
}: {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
}): Directory {
  const user = (email: string) => ({ UserPoolId: userPoolId, Username: email });
  async function find(email: string): Promise<DirectoryEntry | undefined> {
    try {
      const found = await client.send(new AdminGetUserCommand(user(email)));
      const attrs = Object.fromEntries((found.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
      const role = Role.safeParse(attrs[claim.role]);
      if (!attrs.sub || !role.success) return undefined;
      return {
        userId: attrs.sub,
        email,
        name: attrs.name ?? email,
        role: role.data,
        ...(attrs[claim.tenant] ? { tenantId: attrs[claim.tenant] } : {}),
        ...(attrs[claim.unit] ? { unitId: attrs[claim.unit] } : {}),
        joined: found.UserStatus !== "FORCE_CHANGE_PASSWORD",
      };
    } catch (error) {
      if (error instanceof UserNotFoundException) return undefined;
      throw error;
    }
  }
  /** The user under this address is still the one with this id (Cognito's `sub`), never someone else. */
  async function assertOwns({ email, userId }: DirectoryKey) {
    if ((await find(email))?.userId !== userId) throw notFound("account.not_found");
  }
  return {
    kind: "cognito",
    find,
    async reserve(person) {
      try {
        const created = await client.send(
          new AdminCreateUserCommand({
            ...user(person.email),
            MessageAction: "SUPPRESS",
            UserAttributes: [
              { Name: "email", Value: person.email },
              { Name: "email_verified", Value: "true" },
              ...attributesOf(person),
            ],
          }),
        );
        const sub = created.User?.Attributes?.find((a) => a.Name === "sub")?.Value;
        if (!sub) throw new Error("Cognito created a user without a sub");
        return { userId: sub };
      } catch (error) {
        if (error instanceof UsernameExistsException) throw emailTaken();
        throw error;
      }
    },
    async release({ email, userId }) {
      const found = await find(email);
      if (found?.userId === userId && !found.joined) await client.send(new AdminDeleteUserCommand(user(email)));
    },
    async invite(email) {
      try {
        await client.send(
          new AdminCreateUserCommand({ ...user(email), MessageAction: "RESEND", DesiredDeliveryMediums: ["EMAIL"] }),
        );
        return {};
      } catch (error) {
        if (error instanceof UnsupportedUserStateException) throw alreadyJoined();
        if (error instanceof UserNotFoundException) throw notFound("account.not_found");
        throw error;
      }
    },
    async update(person) {
      await assertOwns(person);
      await client.send(
        new AdminUpdateUserAttributesCommand({ ...user(person.email), UserAttributes: attributesOf(person) }),
      );
      if (!person.unitId)
        await client.send(
          new AdminDeleteUserAttributesCommand({ ...user(person.email), UserAttributeNames: [claim.unit] }),
        );
    },
    async setEnabled(key, enabled) {
      await assertOwns(key);
      if (enabled) {
        await client.send(new AdminEnableUserCommand(user(key.email)));
        return;
      }
      await client.send(new AdminDisableUserCommand(user(key.email)));
      // Revokes the refresh tokens; ID tokens already issued run out within their lifetime (15 minutes).
      await client.send(new AdminUserGlobalSignOutCommand(user(key.email)));
    },
  };
}
