import { useTranslation } from "react-i18next";

/** A row's "Sửa" button; `label` names what it edits for screen readers ("Sửa Sở Nội vụ"). */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button-secondary button-small" aria-label={label} onClick={onClick}>
      {t("form.edit")}
    </button>
  );
}
