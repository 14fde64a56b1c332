import { useMutation, useQuery } from "@tanstack/react-query";
import { Email } from "@thidua/core/account/rules";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { type AuthConfig, authConfigQuery, cognitoSession, requestPasswordReset } from "../api/auth.ts";
import { forgotPassword, resetPassword } from "../api/cognito.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Field } from "../components/Field.tsx";
import { Loading } from "../components/Loading.tsx";
import { PublicPage } from "../components/PublicPage.tsx";
import { SetPasswordForm } from "../components/SetPasswordForm.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { useSignIn } from "../session/session.tsx";

/**
 * A forgotten password. Locally: a one-time link to the address (the same answer whether or not it has
 * an account). On AWS: Cognito mails a code, typed here with the new password, which then signs in.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const config = useQuery(authConfigQuery());
  const typed = (useLocation().state as { email?: string } | null)?.email ?? "";
  const [email, setEmail] = useState(typed);
  const [invalid, setInvalid] = useState<"missing" | "format" | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const request = useMutation({
    mutationFn: async ({ address, auth }: { address: string; auth: AuthConfig }) => {
      await (auth.provider === "local" ? requestPasswordReset(address) : forgotPassword(auth, address));
    },
  });

  useEffect(() => emailRef.current?.focus(), []);

  if (config.isPending)
    return (
      <PublicPage title={t("forgotPassword.title")}>
        <Loading label={t("signIn.configLoading")} />
      </PublicPage>
    );
  if (config.isError)
    return (
      <PublicPage title={t("forgotPassword.title")}>
        <ErrorAlert message={describe(config.error)} onRetry={() => void config.refetch()} />
      </PublicPage>
    );
  const auth = config.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = Email.safeParse(email.trim());
    setInvalid(email.trim() === "" ? "missing" : parsed.success ? null : "format");
    if (parsed.success) request.mutate({ address: parsed.data, auth });
  };

  const sent = request.isSuccess ? request.variables.address : null;
  return (
    <PublicPage title={t("forgotPassword.title")}>
      {sent && auth.provider === "cognito" ? (
        <CodeForm pool={auth} email={sent} />
      ) : sent ? (
        <div role="status" className="alert alert-success">
          <div>
            <p>{t("forgotPassword.done", { email: sent })}</p>
            <p className="hint">{t("forgotPassword.localDone")}</p>
          </div>
        </div>
      ) : (
        <>
          <p className="lead">
            {auth.provider === "local" ? t("forgotPassword.intro") : t("forgotPassword.cognitoIntro")}
          </p>
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
              error={
                invalid === "missing"
                  ? t("forgotPassword.emailRequired")
                  : invalid
                    ? t("forgotPassword.emailRule")
                    : undefined
              }
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

/** Cognito's second step: the mailed code and the new password; then signed in with it, other sessions ended. */
function CodeForm({ pool, email }: { pool: Extract<AuthConfig, { provider: "cognito" }>; email: string }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [code, setCode] = useState("");
  return (
    <>
      <p className="lead">{t("forgotPassword.codeSent", { email })}</p>
      <SetPasswordForm
        idPrefix="reset"
        email={email}
        submitLabel={t("resetPassword.submit")}
        save={async (password) => cognitoSession(pool, await resetPassword(pool, email, code.trim(), password))}
        onSaved={(session) => {
          signIn(session);
          void navigate("/", { replace: true });
        }}
      >
        <Field
          id="reset-code"
          label={t("forgotPassword.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </SetPasswordForm>
    </>
  );
}
