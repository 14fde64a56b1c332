import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { NoticeMessage } from "../Notice.tsx";
import { type InvitationOutcome, outcomeOf } from "./InvitationSent.tsx";
import type { Person } from "./PeopleTable.tsx";

interface Versioned extends Person {
  version: number;
}

interface PeopleActions<P extends Versioned> {
  /** The list to refetch after a change. */
  queryKey: QueryKey;
  setStatus: (person: P, status: Person["status"]) => Promise<{ name: string; status: Person["status"] }>;
  resend: (
    person: P,
  ) => Promise<{ account: { email: string; name: string }; invitation: InvitationOutcome["invitation"] }>;
  onNotice: (notice: NoticeMessage) => void;
  onInvited: (outcome: InvitationOutcome) => void;
}

/** A people table's row actions: deactivate (after a confirmation) or reactivate, and resend an invitation. */
export function usePeopleActions<P extends Versioned>({
  queryKey,
  setStatus,
  resend,
  onNotice,
  onInvited,
}: PeopleActions<P>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey });
  const toggle = useMutation({
    mutationFn: (person: P) => setStatus(person, person.status === "active" ? "deactivated" : "active"),
    onSuccess: (saved) => {
      refresh();
      const key = saved.status === "active" ? "people.reactivated" : "people.deactivated";
      onNotice({ kind: "success", key, values: { name: saved.name } });
    },
    onError: (error) => {
      refresh();
      onNotice({ kind: "error", error });
    },
  });
  const invite = useMutation({
    mutationFn: resend,
    onSuccess: (invited) => {
      refresh();
      onInvited(outcomeOf(invited));
    },
    onError: (error) => onNotice({ kind: "error", error }),
  });
  return {
    busyId: toggle.isPending ? toggle.variables.userId : invite.isPending ? invite.variables.userId : undefined,
    onToggle: (person: P) => {
      if (person.status === "active" && !window.confirm(t("people.confirmDeactivate", { name: person.name }))) return;
      toggle.mutate(person);
    },
    onResend: (person: P) => invite.mutate(person),
  };
}
