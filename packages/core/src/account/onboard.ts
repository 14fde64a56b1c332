import type { Actor } from "../actor.ts";
import { operatorScope } from "../db/scope.ts";
import { AppError, conflict, parseInput } from "../error.ts";
import { createTenant, getTenant, recordOperatorAction, type Tenant } from "../tenant/index.ts";
import { BoardAccountInput, OnboardProvinceInput } from "./account.rules.ts";
import type { Directory } from "./directory.ts";
import { emailTaken } from "./directory.ts";
import { invite } from "./invite.ts";
import { assertOperatorActive } from "./platform.ts";

/**
 * The operator adds a board account to a province: recorded in the province's trail with the account,
 * and in the platform's trail.
 */
export async function inviteBoardAccount(actor: Actor, tenantId: string, input: unknown, directory: Directory) {
  const fields = parseInput(BoardAccountInput, input);
  await Promise.all([getTenant(actor, tenantId), assertOperatorActive(actor)]); // 404 for a province that does not exist
  const result = await invite(operatorScope(actor, tenantId), { ...fields, role: "board" }, directory);
  const { account } = result;
  await recordOperatorAction(actor, {
    action: "create",
    entity: "account",
    entityId: account.userId,
    tenantId,
    after: { email: account.email, name: account.name, role: account.role },
  });
  return result;
}

/**
 * Onboards a province with its first board member, who is invited at once. The province and the account
 * are two writes: if the second fails, the province stays and the operator adds its board account from
 * the province's row.
 */
export async function onboardProvince(actor: Actor, input: unknown, directory: Directory) {
  const { boardEmail, boardName, ...province } = parseInput(OnboardProvinceInput, input);
  const board = { email: boardEmail, name: boardName };
  // A taken id or email is refused before the province is created, rather than leaving one without its
  // board; the province's conditional creation still settles a race for the id.
  const [existing, taken] = await Promise.all([
    getTenant(actor, province.tenantId).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === "not_found") return undefined;
      throw error;
    }),
    directory.find(board.email),
  ]);
  if (existing) throw conflict("tenant.exists", `Tenant ${province.tenantId} already exists`);
  if (taken) throw emailTaken("boardEmail");
  const tenant: Tenant = await createTenant(actor, province);
  const { account, invitation } = await inviteBoardAccount(actor, tenant.tenantId, board, directory);
  return { tenant, board: account, invitation };
}
