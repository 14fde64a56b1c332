import { useTranslation } from "react-i18next";
import { NotFound } from "../components/NotFound.tsx";
import { usePageTitle } from "../hooks/usePageTitle.ts";

/** An address the dashboard has no page for. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <section className="page">
      <NotFound heading="h1" />
    </section>
  );
}
