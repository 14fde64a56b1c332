import { useMutation, useQuery } from "@tanstack/react-query";
import { Email } from "@thidua/core/account/rules";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { authConfigQuery, requestPasswordReset } from "../api/auth.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { PublicPage } from "../components/PublicPage.tsx";
import { useErrorMessage } from "../i18n/errors.ts";

/** Asks for a password reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const config = useQuery(authConfigQuery());
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const request = useMutation({ mutationFn: requestPasswordReset });

  useEffect(() => emailRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = Email.safeParse(email.trim());
    setInvalid(!parsed.success);
    if (parsed.success) request.mutate(parsed.data);
  };

  return (
    <PublicPage title={t("forgotPassword.title")}>
      {request.isSuccess ? (
        <div role="status" className="alert alert-success">
          <div>
            <p>{t("forgotPassword.done", { email: request.variables })}</p>
            {config.data?.provider === "local" && <p className="hint">{t("forgotPassword.localDone")}</p>}
          </div>
        </div>
      ) : (
        <>
          <p className="lead">{t("forgotPassword.intro")}</p>
          <form className="form" onSubmit={submit} noValidate>
            {request.isError && <ErrorAlert message={describe(request.error)} />}
            <Field
              ref={emailRef}
              id="forgot-email"
              label={t("signIn.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              error={invalid ? t("forgotPassword.emailRule") : undefined}
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="submit" className="button-primary" disabled={request.isPending} aria-busy={request.isPending}>
              {request.isPending ? t("forgotPassword.submitting") : t("forgotPassword.submit")}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t("forgotPassword.back")}</Link>
      </p>
    </PublicPage>
  );
}
