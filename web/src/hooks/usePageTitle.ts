import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The browser tab names the page ("Đơn vị · thidua"), so several open tabs can be told apart. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? `${title} · ${t("app.name")}` : t("app.name");
  }, [title, t]);
}
