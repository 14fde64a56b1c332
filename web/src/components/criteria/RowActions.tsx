import { useTranslation } from "react-i18next";

/** Up, down and remove for one row of the criteria editor; the labels name the row ("tiêu chí 1.2"). */
export function RowActions({
  idBase,
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  idBase: string;
  what: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="row-actions">
      <button
        id={`${idBase}-up`}
        type="button"
        className="button-icon"
        disabled={index === 0}
        aria-label={t("criteria.moveUp", { what })}
        title={t("criteria.moveUp", { what })}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        id={`${idBase}-down`}
        type="button"
        className="button-icon"
        disabled={index === count - 1}
        aria-label={t("criteria.moveDown", { what })}
        title={t("criteria.moveDown", { what })}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button-icon button-icon-danger"
        aria-label={t("criteria.remove", { what })}
        title={t("criteria.remove", { what })}
        onClick={onRemove}
      >
        ×
      </button>
    </div>
  );
}

/** Where the keyboard goes after a move: the same arrow, or the other one once the row reached an end. */
export function afterMove(idBase: string, newIndex: number, count: number, delta: -1 | 1): string {
  if (delta < 0) return `${idBase}-${newIndex === 0 ? "down" : "up"}`;
  return `${idBase}-${newIndex === count - 1 ? "up" : "down"}`;
}
