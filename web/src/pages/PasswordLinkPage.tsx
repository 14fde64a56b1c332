import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { inspectLink, type LinkPurpose, setPasswordFromLink } from "../api/auth.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { PublicPage } from "../components/PublicPage.tsx";
import { SetPasswordForm } from "../components/SetPasswordForm.tsx";
import { dateTimeFormat } from "../i18n/dates.ts";
import { useErrorMessage } from "../i18n/errors.ts";
import { useSignIn } from "../session/session.tsx";

/**
 * Opens a one-time link from an invitation or a password reset: says whom it is for, sets the password,
 * and signs the person in. A used, expired or replaced link says so, and how to get a new one.
 */
export function PasswordLinkPage({ purpose }: { purpose: LinkPurpose }) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const signIn = useSignIn();
  const navigate = useNavigate();
  // The token travels after `#`: browsers never send it to a server, logs included. It is base64url and
  // a dot, so it needs no decoding (anything else is refused by the API as an unknown link).
  const token = useLocation().hash.replace(/^#/, "");
  const link = useQuery({
    queryKey: ["link", purpose, token],
    queryFn: () => inspectLink(purpose, token),
    enabled: token !== "",
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const invitation = purpose === "invitation";
  const title = invitation ? t("acceptInvitation.title") : t("resetPassword.title");

  const help = (
    <>
      <p className="hint">{invitation ? t("acceptInvitation.help") : t("resetPassword.help")}</p>
      <p className="button-row">
        {!invitation && (
          <Link to="/forgot-password" className="button-primary">
            {t("resetPassword.requestNew")}
          </Link>
        )}
        <Link to="/sign-in" className={invitation ? "button-primary" : "button-secondary"}>
          {t("acceptInvitation.toSignIn")}
        </Link>
      </p>
    </>
  );

  if (!token)
    return (
      <PublicPage title={title}>
        <ErrorAlert message={t("acceptInvitation.missing")} />
        {help}
      </PublicPage>
    );
  if (link.isPending)
    return (
      <PublicPage title={title}>
        <Loading label={t("acceptInvitation.checking")} />
      </PublicPage>
    );
  if (link.isError)
    return (
      <PublicPage title={title}>
        <ErrorAlert message={describe(link.error)} />
        {help}
      </PublicPage>
    );

  const { email, name, expiresAt } = link.data;
  const until = dateTimeFormat(i18n.resolvedLanguage).format(new Date(expiresAt));
  return (
    <PublicPage title={title}>
      <p className="lead">
        {invitation ? t("acceptInvitation.intro", { name, email }) : t("resetPassword.intro", { email })}
      </p>
      <p className="hint">{t("acceptInvitation.expiresAt", { at: until })}</p>
      <SetPasswordForm
        idPrefix="link"
        email={email}
        submitLabel={invitation ? t("acceptInvitation.submit") : t("resetPassword.submit")}
        save={(password) => setPasswordFromLink(purpose, token, password)}
        onSaved={(session) => {
          signIn(session);
          void navigate("/", { replace: true });
        }}
      />
    </PublicPage>
  );
}
