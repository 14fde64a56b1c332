import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { meQuery } from "../api/auth.ts";
import { isApiError } from "../api/client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PublicPage } from "../components/PublicPage.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { ActorContext, useSignOut, useTokenState } from "./session.tsx";

/** Renders its routes only for a signed-in user whose token the API still accepts. */
export function RequireSession() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { token } = useTokenState();
  const location = useLocation();
  const me = useQuery({ ...meQuery(), enabled: token !== null });
  const signOut = useSignOut();

  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (me.isPending) return <Loading label={t("app.loading")} page />;
  if (me.isError) {
    // A 401 has already ended the session (and redirected). A 403 will not pass by itself (the province
    // suspended, the account deactivated): say so, and offer to sign out. Anything else may: retry.
    const refused = isApiError(me.error) && me.error.status === 403;
    return (
      <PublicPage title={t(refused ? "session.blockedTitle" : "session.failedTitle")}>
        {refused ? (
          <p className="alert alert-error" role="alert">
            {describe(me.error)}
          </p>
        ) : (
          <ErrorAlert message={describe(me.error)} onRetry={() => void me.refetch()} />
        )}
        <p>
          <button type="button" className="button-secondary" onClick={signOut}>
            {t("header.signOut")}
          </button>
        </p>
      </PublicPage>
    );
  }
  return (
    <ActorContext value={me.data}>
      <Outlet />
    </ActorContext>
  );
}
