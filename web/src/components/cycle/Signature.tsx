import { useTranslation } from "react-i18next";
import type { Signed } from "../../api/cycle.ts";
import { dateTimeFormat } from "../../i18n/dates.ts";

/** Who did it and when: "Nguyễn Văn A, 12/03/2026 09:30". */
export function Signature({ signed, label }: { signed: Signed; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="signature">
      {t("cycle.signedBy", {
        what: label,
        name: signed.byName,
        when: dateTimeFormat(i18n.language).format(new Date(signed.at)),
      })}
    </p>
  );
}
