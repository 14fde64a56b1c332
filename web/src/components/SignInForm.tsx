import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Credentials, DemoAccount, Session, SignInStep } from "../api/auth.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { DemoAccounts } from "./DemoAccounts.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Field } from "./Field.tsx";
import { NewPasswordForm } from "./NewPasswordForm.tsx";

interface SignInFormProps {
  /** The identity provider's sign-in: the local one, or Cognito's. */
  signIn: (credentials: Credentials) => Promise<SignInStep>;
  demo?: { password: string; accounts: DemoAccount[] };
  onSignedIn: (session: Session) => void;
}

type NewPasswordStep = Extract<SignInStep, { newPassword: unknown }>;

/** Email and password; then, when the provider asks (an invited user's first sign-in), a new password. */
export function SignInForm({ signIn: attempt, demo, onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [challenge, setChallenge] = useState<NewPasswordStep | null>(null);
  const signIn = useMutation({
    mutationFn: attempt,
    onSuccess: (step) => ("session" in step ? onSignedIn(step.session) : setChallenge(step)),
  });

  useEffect(() => emailRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };

  const pick = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(demo?.password ?? "");
    signIn.reset();
    // Enter now signs in with the picked account.
    submitRef.current?.focus();
  };

  if (challenge)
    return (
      <NewPasswordForm
        email={email.trim()}
        complete={challenge.newPassword}
        onSignedIn={onSignedIn}
        onCancel={() => {
          setChallenge(null);
          setPassword("");
          signIn.reset();
        }}
      />
    );

  return (
    <>
      <form className="form" onSubmit={submit}>
        {signIn.isError && <ErrorAlert message={describe(signIn.error)} />}
        <Field
          ref={emailRef}
          id="email"
          label={t("signIn.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          id="password"
          label={t("signIn.password")}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button
          ref={submitRef}
          type="submit"
          className="button-primary"
          disabled={signIn.isPending}
          aria-busy={signIn.isPending}
        >
          {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
      </form>
      <p>
        {/* The address typed so far goes along, so it need not be typed again. */}
        <Link to="/forgot-password" state={{ email: email.trim() }}>
          {t("signIn.forgot")}
        </Link>
      </p>
      {demo && <DemoAccounts accounts={demo.accounts} password={demo.password} onPick={pick} />}
    </>
  );
}
