import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type DemoAccount, type Session, signInLocal } from "../api/auth.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { DemoAccounts } from "./DemoAccounts.tsx";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Field } from "./Field.tsx";

interface SignInFormProps {
  demo?: { password: string; accounts: DemoAccount[] };
  onSignedIn: (session: Session) => void;
}

/** Email and password against the local identity provider. */
export function SignInForm({ demo, onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const emailRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const signIn = useMutation({ mutationFn: signInLocal, onSuccess: onSignedIn });

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
      {demo && <DemoAccounts accounts={demo.accounts} password={demo.password} onPick={pick} />}
    </>
  );
}
