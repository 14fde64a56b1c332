import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../hooks/usePageTitle.ts";
import { LanguageSwitch } from "./LanguageSwitch.tsx";

/** The frame of the pages seen before signing in: the brand, the language switch, one card. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className="sign-in-page">
      <header className="sign-in-header">
        <span className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in-card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
