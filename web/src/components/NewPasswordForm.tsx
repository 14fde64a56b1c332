import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session, SignInStep } from "../api/auth.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Field } from "./Field.tsx";

interface NewPasswordFormProps {
  email: string;
  /** Answers the provider's challenge with the new password. */
  complete: (password: string) => Promise<SignInStep>;
  onSignedIn: (session: Session) => void;
  onCancel: () => void;
}

/** An invited user's first sign-in: the temporary password is replaced before the session starts. */
export function NewPasswordForm({ email, complete, onSignedIn, onCancel }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const save = useMutation({
    mutationFn: complete,
    // Another challenge after this one is not expected: the user starts over.
    onSuccess: (step) => ("session" in step ? onSignedIn(step.session) : onCancel()),
  });

  useEffect(() => passwordRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differs = password !== repeat;
    setMismatch(differs);
    if (!differs) save.mutate(password);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="new-password-title">
      <h2 id="new-password-title">{t("newPassword.title")}</h2>
      <p className="hint">{t("newPassword.intro", { email })}</p>
      {save.isError && <ErrorAlert message={describe(save.error)} />}
      <Field
        ref={passwordRef}
        id="new-password"
        label={t("newPassword.password")}
        hint={t("newPassword.rule")}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Field
        id="new-password-repeat"
        label={t("newPassword.repeat")}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch ? t("newPassword.mismatch") : undefined}
        onChange={(e) => setRepeat(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? t("newPassword.submitting") : t("newPassword.submit")}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("newPassword.back")}
        </button>
      </div>
    </form>
  );
}
