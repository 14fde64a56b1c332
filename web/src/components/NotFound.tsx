import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/**
 * What is asked for does not exist (a mistyped address, a bloc deleted or of another province): said
 * plainly, with the way back. Trying again would not help, so there is no "Thử lại".
 */
export function NotFound({ heading: Heading = "h2" }: { heading?: "h1" | "h2" }) {
  const { t } = useTranslation();
  return (
    <div className="not-found" role="alert">
      <Heading>{t("notFound.title")}</Heading>
      <p>{t("notFound.body")}</p>
      <Link to="/">{t("notFound.home")}</Link>
    </div>
  );
}
