import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { meQuery } from "../api/auth.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { useErrorMessage } from "../i18n/errors.ts";
import { ActorContext, useTokenState } from "./session.tsx";

/** Renders its routes only for a signed-in user whose token the API still accepts. */
export function RequireSession() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { token } = useTokenState();
  const location = useLocation();
  const me = useQuery({ ...meQuery(), enabled: token !== null });

  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (me.isPending) return <Loading label={t("app.loading")} page />;
  if (me.isError) {
    // A 401 has already ended the session (and redirected); anything else may pass, so offer a retry.
    return (
      <main className="page-center">
        <ErrorAlert message={describe(me.error)} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  return (
    <ActorContext value={me.data}>
      <Outlet />
    </ActorContext>
  );
}
