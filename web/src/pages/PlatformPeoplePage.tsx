import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  accountKeys,
  type PlatformAccount,
  platformAccountsQuery,
  resendPlatformInvitation,
  updatePlatformAccount,
} from "../api/accounts.ts";
import { type InvitationOutcome, InvitationSent } from "../components/accounts/InvitationSent.tsx";
import { PeopleTable } from "../components/accounts/PeopleTable.tsx";
import { PlatformAccountForm } from "../components/accounts/PlatformAccountForm.tsx";
import { usePeopleActions } from "../components/accounts/usePeopleActions.ts";
import { Notice, type NoticeMessage } from "../components/Notice.tsx";
import { QueryState } from "../components/QueryState.tsx";
import { useActor } from "../session/session.tsx";

/** The operators' page of the platform's own people: other operators and the national viewers. */
export function PlatformPeoplePage() {
  const { t } = useTranslation();
  const actor = useActor();
  const people = useQuery(platformAccountsQuery());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const [invited, setInvited] = useState<InvitationOutcome | null>(null);
  const editing = people.data?.find((person) => person.userId === editingId);
  const actions = usePeopleActions<PlatformAccount>({
    queryKey: accountKeys.platform,
    setStatus: (person, status) => updatePlatformAccount(person.userId, { status, version: person.version }),
    resend: (person) => resendPlatformInvitation(person.userId),
    onNotice: setNotice,
    onInvited: setInvited,
  });

  return (
    <section className="page">
      <h1>{t("platformPeople.title")}</h1>
      <p className="lead">{t("platformPeople.intro")}</p>
      <div className="split">
        <div className="card">
          <QueryState
            query={people}
            loading={t("people.loading")}
            empty={(all) => all.length === 0 && t("platformPeople.empty")}
          >
            {(all) => (
              <PeopleTable
                caption={t("platformPeople.listLabel")}
                people={all}
                selfId={actor.userId}
                selectedId={editingId ?? undefined}
                busyId={actions.busyId}
                onEdit={(person) => {
                  setEditingId(person.userId);
                  setNotice(null);
                }}
                onToggle={actions.onToggle}
                onResend={actions.onResend}
              />
            )}
          </QueryState>
        </div>
        <div className="card side-card">
          <h2>{editing ? t("people.editTitle", { name: editing.name }) : t("people.inviteTitle")}</h2>
          {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
          {invited && <InvitationSent outcome={invited} onDismiss={() => setInvited(null)} />}
          {editing ? (
            <PlatformAccountForm
              key={editing.userId}
              account={editing}
              onSaved={(saved) => setNotice({ kind: "success", key: "people.saved", values: { name: saved.name } })}
              onCancel={() => setEditingId(null)}
            />
          ) : (
            <PlatformAccountForm
              onInvited={(outcome) => {
                setNotice(null);
                setInvited(outcome);
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
