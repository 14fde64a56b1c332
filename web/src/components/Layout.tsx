import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { authConfigQuery } from "../api/auth.ts";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { canOpen, navOrder } from "../navigation.ts";
import { useActor, useSignOut } from "../session/session.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** The signed-in shell: brand, the pages this role may open, who is signed in, language, sign out. */
export function Layout() {
  const { t } = useTranslation();
  const actor = useActor();
  const signOut = useSignOut();
  const local = useQuery(authConfigQuery()).data?.provider === "local";
  const { pathname } = useLocation();
  const current = navOrder.find((page) => pathname === page.path || pathname.startsWith(`${page.path}/`));
  usePageTitle(current && t(current.label));
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-name">{t("app.name")}</span>
            <span className="brand-tagline">{t("app.tagline")}</span>
          </Link>
          <nav aria-label={t("nav.label")} className="main-nav">
            {navOrder
              .filter((page) => canOpen(page, actor.role, local))
              .map((page) => (
                <NavLink key={page.path} to={page.path}>
                  {t(page.label)}
                </NavLink>
              ))}
          </nav>
          <div className="header-tools">
            <span className="who" title={actor.email}>
              <span className="who-name">{actor.name}</span>
              {/* The operator's account is named after its role: say it once. */}
              {actor.name !== t(`roles.${actor.role}`) && <span className="who-role">{t(`roles.${actor.role}`)}</span>}
            </span>
            <LanguageSwitch />
            <button type="button" className="button-secondary" onClick={signOut}>
              {t("header.signOut")}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
