import { useTranslation } from "react-i18next";
import type { AdjustmentItem, CriteriaTable } from "../../api/criteria.ts";
import { adjustmentTotal, formatPoints, groupTotal, tableTotal } from "./table.ts";

/** A criteria table to read: for council members and units, and for the board's older versions. */
export function CriteriaView({
  table,
  caption,
  captionHidden = false,
}: {
  table: CriteriaTable;
  caption: string;
  /** When a heading above already says it. */
  captionHidden?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const points = (x: number) => formatPoints(x, i18n.language);
  const adjustments = (kind: "bonus" | "penalties", items: AdjustmentItem[]) =>
    items.length > 0 && (
      <tbody>
        <tr className="group-row">
          <th scope="rowgroup" colSpan={3}>
            {t(`criteria.${kind}Title`)}
          </th>
          <td className="num">{points(adjustmentTotal(items))}</td>
        </tr>
        {items.map((item, i) => (
          <tr key={item.id}>
            <td className="num">{i + 1}</td>
            <td colSpan={2}>{item.title}</td>
            <td className="num">{points(item.maxPoints)}</td>
          </tr>
        ))}
      </tbody>
    );

  return (
    <div className="table-wrap card">
      <table className="data-table criteria-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("criteria.number")}</th>
            <th scope="col">{t("criteria.itemTitle")}</th>
            <th scope="col">{t("criteria.evidenceRequired")}</th>
            <th scope="col" className="num">
              {t("criteria.maxPoints")}
            </th>
          </tr>
        </thead>
        {table.groups.map((group, gi) => (
          <tbody key={group.id}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={3}>
                {gi + 1}. {group.title}
              </th>
              <td className="num">{points(groupTotal(group))}</td>
            </tr>
            {group.items.map((item, ci) => (
              <tr key={item.id}>
                <td className="num">
                  {gi + 1}.{ci + 1}
                </td>
                <td>
                  {item.title}
                  {item.guidance && <p className="hint">{item.guidance}</p>}
                </td>
                <td>{item.evidenceRequired ? t("criteria.yes") : t("criteria.no")}</td>
                <td className="num">
                  {points(item.maxPoints)}
                  {item.weight !== undefined && item.weight !== 1 && ` × ${points(item.weight)}`}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
        <tbody>
          <tr className="total-row">
            <th scope="row" colSpan={3}>
              {t("criteria.totalLabel")}
            </th>
            <td className="num">{points(tableTotal(table))}</td>
          </tr>
        </tbody>
        {adjustments("bonus", table.bonus)}
        {adjustments("penalties", table.penalties)}
      </table>
    </div>
  );
}
