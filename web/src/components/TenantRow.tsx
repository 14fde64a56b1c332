import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client.ts";
import { type Tenant, tenantKeys, updateTenant } from "../api/tenants.ts";
import { AddBoardAccountForm } from "./AddBoardAccountForm.tsx";
import type { InvitationOutcome } from "./accounts/InvitationSent.tsx";
import type { NoticeMessage } from "./Notice.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { TenantDataActions } from "./tenants/TenantDataActions.tsx";

interface TenantRowProps {
  tenant: Tenant;
  /** Operators may suspend and resume, and add board members. */
  canManage: boolean;
  onNotice: (notice: NoticeMessage) => void;
  onInvited: (outcome: InvitationOutcome) => void;
}

export function TenantRow({ tenant, canManage, onNotice, onInvited }: TenantRowProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [addingBoard, setAddingBoard] = useState(false);
  const addBoardRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const nameId = `tenant-${tenant.tenantId}-name`;
  const name = tenant.name;

  // The confirmation replaces the button that had focus: keep keyboard users in place.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const change = useMutation({
    // The version read with the list: if someone changed the province since, the API answers 409.
    mutationFn: (status: Exclude<Tenant["status"], "erased">) =>
      updateTenant(tenant.tenantId, { status, version: tenant.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(tenantKeys.all, (list: Tenant[] | undefined) =>
        list?.map((item) => (item.tenantId === updated.tenantId ? updated : item)),
      );
      // Restoring an archived province brings it back suspended: the notice says "restored", not "suspended".
      const key =
        updated.status === "active"
          ? "tenants.resumed"
          : updated.status === "archived"
            ? "tenants.archived"
            : tenant.status === "archived"
              ? "tenants.restored"
              : "tenants.suspended";
      onNotice({ kind: "success", key, values: { name } });
    },
    onError: (error) => {
      const stale = isApiError(error, "tenant.stale");
      if (stale || isApiError(error, "tenant.not_found"))
        void queryClient.invalidateQueries({ queryKey: tenantKeys.all });
      onNotice(stale ? { kind: "error", key: "tenants.changed", values: { name } } : { kind: "error", error });
    },
    onSettled: () => setConfirming(false),
  });

  /** A button that moves the province to another status at once (suspending asks first, above). */
  const moveTo = (
    status: Exclude<Tenant["status"], "erased">,
    label: "tenants.resume" | "tenants.archive" | "tenants.restore",
  ) => (
    <button
      type="button"
      className="button-secondary"
      aria-describedby={nameId}
      disabled={change.isPending}
      aria-busy={change.isPending}
      onClick={() => change.mutate(status)}
    >
      {t(label)}
    </button>
  );

  return (
    <li className="tenant-row">
      <div className="tenant-main">
        <span className="tenant-name" id={nameId}>
          {name}
        </span>
        <span className="tenant-id">
          {t("tenants.id")}: <code>{tenant.tenantId}</code>
        </span>
      </div>
      <StatusBadge status={tenant.status} />
      {canManage && (
        <div className="tenant-actions">
          {confirming ? (
            <div className="confirm">
              <p>{t("tenants.confirmSuspend", { name })}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button-danger"
                  disabled={change.isPending}
                  aria-busy={change.isPending}
                  onClick={() => change.mutate("suspended")}
                >
                  {t("tenants.confirm")}
                </button>
                <button ref={cancelRef} type="button" className="button-secondary" onClick={() => setConfirming(false)}>
                  {t("tenants.cancel")}
                </button>
              </div>
            </div>
          ) : tenant.status === "active" ? (
            <>
              <button
                ref={addBoardRef}
                type="button"
                className="button-secondary"
                aria-describedby={nameId}
                aria-expanded={addingBoard}
                onClick={() => setAddingBoard(!addingBoard)}
              >
                {t("tenants.addBoard")}
              </button>
              <button
                type="button"
                className="button-secondary"
                aria-describedby={nameId}
                onClick={() => setConfirming(true)}
              >
                {t("tenants.suspend")}
              </button>
            </>
          ) : tenant.status === "suspended" ? (
            <>
              {moveTo("active", "tenants.resume")}
              {moveTo("archived", "tenants.archive")}
            </>
          ) : tenant.status === "archived" ? (
            moveTo("suspended", "tenants.restore")
          ) : null}
          <TenantDataActions tenant={tenant} describedBy={nameId} />
        </div>
      )}
      {canManage && addingBoard && (
        <div className="tenant-add-board">
          <AddBoardAccountForm
            tenantId={tenant.tenantId}
            onInvited={(outcome) => {
              setAddingBoard(false);
              onInvited(outcome);
            }}
            onCancel={() => {
              setAddingBoard(false);
              addBoardRef.current?.focus();
            }}
          />
        </div>
      )}
    </li>
  );
}
