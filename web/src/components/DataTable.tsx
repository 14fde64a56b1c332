import type { ReactNode } from "react";

export interface Column<R> {
  /** Unique among the columns. */
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** `num` right-aligns figures; `actions` holds a row's buttons. */
  kind?: "text" | "num" | "actions";
  /** With the table's `sort`: the header is a button that sorts by this column. */
  sortable?: boolean;
}

/** The column a table is sorted by; the rows come already sorted, the table only shows it and asks for another. */
export interface TableSort {
  key: string;
  direction: "asc" | "desc";
  onSort: (key: string) => void;
}

interface DataTableProps<R> {
  /** Read by screen readers only: what the table lists. */
  caption: string;
  /** The first column names the row (a row header); the others are cells. */
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowProps?: (row: R) => { className?: string; "aria-current"?: "true" };
  className?: string;
  /** A closing row (totals), after the data rows. */
  footer?: ReactNode;
  sort?: TableSort;
}

const cellClass = (kind: Column<unknown>["kind"]) =>
  kind === "num" ? "num" : kind === "actions" ? "cell-actions" : undefined;

/** A sortable column's header: a button (its name is the header), the order told by `aria-sort` on the cell. */
function SortButton({ column, sort }: { column: Column<never>; sort: TableSort }) {
  const active = sort.key === column.key;
  return (
    <button type="button" className="sort-button" onClick={() => sort.onSort(column.key)}>
      {column.header}
      <span className="sort-mark" aria-hidden="true">
        {active ? (sort.direction === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </button>
  );
}

/** The dashboard's one kind of table: a hidden caption, column headers, a header cell naming each row. */
export function DataTable<R>({ caption, columns, rows, rowKey, rowProps, className, footer, sort }: DataTableProps<R>) {
  const [first, ...rest] = columns;
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : "data-table"}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cellClass(column.kind)}
                aria-sort={
                  sort?.key === column.key ? (sort.direction === "asc" ? "ascending" : "descending") : undefined
                }
              >
                {sort && column.sortable ? <SortButton column={column} sort={sort} /> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {first && (
                <th scope="row" className={cellClass(first.kind)}>
                  {first.cell(row)}
                </th>
              )}
              {rest.map((column) => (
                <td key={column.key} className={cellClass(column.kind)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
          {footer}
        </tbody>
      </table>
    </div>
  );
}
