import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { authConfigQuery, cognitoSignIn, localSignIn } from "../api/auth.ts";
import { ApiError } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PublicPage } from "../components/PublicPage.tsx";
import { SignInForm } from "../components/SignInForm.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { useSignIn, useTokenState } from "../session/session.tsx";

export function SignInPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { token, endedBecause } = useTokenState();
  const config = useQuery(authConfigQuery());
  const from = (useLocation().state as { from?: string } | null)?.from ?? "/";
  const signIn = useSignIn();

  // Also how a successful sign-in leaves this page: the new token re-renders it.
  if (token) return <Navigate to={from} replace />;

  return (
    <PublicPage title={t("signIn.title")}>
      <p className="lead">{t("signIn.intro")}</p>
      {endedBecause && (
        <p className="alert alert-info" role="status">
          {describe(new ApiError(401, endedBecause, endedBecause))}
        </p>
      )}
      {config.isPending ? (
        <Loading label={t("signIn.configLoading")} />
      ) : config.isError ? (
        <ErrorAlert message={describe(config.error)} onRetry={() => void config.refetch()} />
      ) : config.data.provider === "cognito" ? (
        <>
          <p className="hint">{t("signIn.cognitoHint")}</p>
          <SignInForm signIn={cognitoSignIn(config.data)} onSignedIn={signIn} />
        </>
      ) : (
        <SignInForm signIn={localSignIn} demo={config.data.demo} onSignedIn={signIn} />
      )}
    </PublicPage>
  );
}
