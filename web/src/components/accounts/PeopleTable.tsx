import type { Role } from "@thidua/core/actor";
import { useTranslation } from "react-i18next";
import { dateFormat } from "../../i18n/dates.ts";
import { type Column, DataTable } from "../DataTable.tsx";

/** What the table shows of a person: a province's or the platform's. */
export interface Person {
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "deactivated";
  invitedAt: string;
  joinedAt?: string;
}

interface PeopleTableProps<A extends Person> {
  people: readonly A[];
  /** What the table lists, for screen readers. */
  caption: string;
  /** The signed-in user, marked "(you)" and never offered deactivation. */
  selfId: string;
  selectedId?: string;
  /** Extra columns between the role and the status (the unit and blocs of a province's people). */
  extra?: readonly Column<A>[];
  onEdit: (person: A) => void;
  onToggle: (person: A) => void;
  onResend: (person: A) => void;
  busyId?: string;
}

/** People with their role and status; whether they have joined; edit, deactivate or reactivate, resend. */
export function PeopleTable<A extends Person>({
  caption,
  people,
  selfId,
  selectedId,
  extra = [],
  onEdit,
  onToggle,
  onResend,
  busyId,
}: PeopleTableProps<A>) {
  const { t, i18n } = useTranslation();
  const date = dateFormat(i18n.resolvedLanguage);
  const columns: Column<A>[] = [
    {
      key: "name",
      header: t("people.name"),
      cell: (p) => (
        <>
          {p.name} {p.userId === selfId && <span className="muted">{t("people.you")}</span>}
          <span className="muted cell-sub">{p.email}</span>
        </>
      ),
    },
    { key: "role", header: t("people.role"), cell: (p) => t(`roles.${p.role}`) },
    ...extra,
    {
      key: "status",
      header: t("people.status"),
      cell: (p) => (
        <>
          <span className={`badge badge-${p.status === "active" ? "active" : "suspended"}`}>
            {t(`people.statuses.${p.status}`)}
          </span>
          <span className="muted cell-sub">
            {p.joinedAt ? t("people.joined") : t("people.pending", { at: date.format(new Date(p.invitedAt)) })}
          </span>
        </>
      ),
    },
    {
      key: "actions",
      header: t("people.actions"),
      kind: "actions",
      cell: (p) => (
        <>
          <button
            type="button"
            className="button-secondary button-small"
            onClick={() => onEdit(p)}
            aria-label={`${t("people.edit")} ${p.name}`}
          >
            {t("people.edit")}
          </button>
          {p.userId !== selfId && (
            <button
              type="button"
              className="button-secondary button-small"
              disabled={busyId === p.userId}
              onClick={() => onToggle(p)}
              aria-label={`${p.status === "active" ? t("people.deactivate") : t("people.reactivate")} ${p.name}`}
            >
              {p.status === "active" ? t("people.deactivate") : t("people.reactivate")}
            </button>
          )}
          {!p.joinedAt && p.status === "active" && (
            <button
              type="button"
              className="button-secondary button-small"
              disabled={busyId === p.userId}
              onClick={() => onResend(p)}
              aria-label={`${t("people.resend")} ${p.name}`}
            >
              {t("people.resend")}
            </button>
          )}
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      className="people-table"
      columns={columns}
      rows={people}
      rowKey={(p) => p.userId}
      rowProps={(p) => (p.userId === selectedId ? { "aria-current": "true" } : {})}
    />
  );
}
