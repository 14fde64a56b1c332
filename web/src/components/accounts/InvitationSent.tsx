import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface InvitationOutcome {
  email: string;
  name: string;
  invitation: { sent: boolean; link?: string };
}

/** What the API answers to an invitation (the account, what became of it), as the notice shows it. */
export const outcomeOf = ({
  account,
  invitation,
}: {
  account: { email: string; name: string };
  invitation: InvitationOutcome["invitation"];
}): InvitationOutcome => ({
  email: account.email,
  name: account.name,
  invitation,
});

/**
 * What became of an invitation. Locally no mail leaves the machine, so the link is shown here to pass
 * on (it is also in the operator's outbox); on AWS, Cognito has mailed it.
 */
export function InvitationSent({ outcome, onDismiss }: { outcome: InvitationOutcome; onDismiss: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const { email, name, invitation } = outcome;
  const copy = async () => {
    if (!invitation.link) return;
    await navigator.clipboard?.writeText(invitation.link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div role="status" className={`alert ${invitation.sent ? "alert-success" : "alert-error"} invitation`}>
      <div>
        <p>
          {invitation.sent
            ? t("people.invitation.sent", { name, email })
            : t("people.invitation.notSent", { name, email })}
        </p>
        {invitation.link && (
          <>
            <p className="hint">{t("people.invitation.localLink")}</p>
            <p className="invitation-link">
              <a href={invitation.link}>{invitation.link}</a>{" "}
              <button type="button" className="button-secondary button-small" onClick={() => void copy()}>
                {copied ? t("people.invitation.copied") : t("people.invitation.copy")}
              </button>
            </p>
          </>
        )}
      </div>
      <button type="button" className="button-link" onClick={onDismiss} aria-label={t("app.dismiss")}>
        ×
      </button>
    </div>
  );
}
