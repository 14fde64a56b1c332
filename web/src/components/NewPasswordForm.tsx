import { useTranslation } from "react-i18next";
import type { Session, SignInStep } from "../api/auth.ts";
import { SetPasswordForm } from "./SetPasswordForm.tsx";

interface NewPasswordFormProps {
  email: string;
  /** Answers the provider's challenge with the new password. */
  complete: (password: string) => Promise<SignInStep>;
  onSignedIn: (session: Session) => void;
  onCancel: () => void;
}

/** An invited user's first sign-in (Cognito): the temporary password is replaced before the session starts. */
export function NewPasswordForm({ email, complete, onSignedIn, onCancel }: NewPasswordFormProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="new-password-title">
      <h2 id="new-password-title">{t("newPassword.title")}</h2>
      <p className="hint">{t("newPassword.intro", { email })}</p>
      <SetPasswordForm
        idPrefix="new-password"
        email={email}
        submitLabel={t("newPassword.submit")}
        save={complete}
        // Another challenge after this one is not expected: the user starts over.
        onSaved={(step) => ("session" in step ? onSignedIn(step.session) : onCancel())}
      />
      <p>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("newPassword.back")}
        </button>
      </p>
    </section>
  );
}
