import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type Ballot, setPresence, showBallot } from "../../api/ballots.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { DataTable } from "../DataTable.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";

/** Members with whether they are present and whether they have voted; the leader's list has boxes to tick. */
export function MembersTable({
  ballot,
  members,
  present,
  onToggle,
}: {
  ballot: Ballot;
  members: readonly string[];
  present: readonly string[];
  onToggle?: (unitId: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const { name, viewer } = useYearScope();
  return (
    <DataTable<string>
      caption={t("ballots.turnout.caption")}
      className="turnout-table"
      rows={members}
      rowKey={(id) => id}
      rowProps={(id) => (id === viewer.unitId ? { "aria-current": "true" } : {})}
      columns={[
        { key: "unit", header: t("ballots.turnout.unit"), cell: name },
        {
          key: "present",
          header: t("ballots.turnout.present"),
          cell: (id) =>
            onToggle ? (
              <input
                type="checkbox"
                className="presence-box"
                checked={present.includes(id)}
                aria-label={t("ballots.presence.tick", { name: name(id) })}
                onChange={(e) => onToggle(id, e.target.checked)}
              />
            ) : present.includes(id) ? (
              <span className="tick">✓</span>
            ) : (
              <span className="muted">—</span>
            ),
        },
        {
          key: "voted",
          header: t("ballots.turnout.voted"),
          cell: (id) =>
            ballot.voted.includes(id) ? (
              <span className="tick">✓ {t("ballots.turnout.hasVoted")}</span>
            ) : (
              <span className="muted">{t("ballots.turnout.notYet")}</span>
            ),
        },
      ]}
    />
  );
}

interface PresenceEditorProps {
  ballot: Ballot;
  members: readonly string[];
  present: readonly string[];
  dirty: boolean;
  prefilled: boolean;
  needed: number | undefined;
  onChange: (present: string[]) => void;
  onSaved: () => void;
}

/** The leader records the members present (the quorum counts them); saved with the ballot's version. */
export function PresenceEditor({
  ballot,
  members,
  present,
  dirty,
  prefilled,
  needed,
  onChange,
  onSaved,
}: PresenceEditorProps) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const save = useMutation({
    mutationFn: () => setPresence(blocId, year, ballot.ballotId, { present: [...present], version: ballot.version }),
    onSuccess: (saved) => {
      showBallot(queryClient, blocId, year, saved);
      onSaved();
    },
    onError: refresh,
  });
  const toggle = (id: string, on: boolean) =>
    onChange(on ? members.filter((m) => m === id || present.includes(m)) : present.filter((m) => m !== id));
  const enough = needed === undefined || present.length >= needed;
  return (
    <div className="presence">
      <h3>{t("ballots.presence.title")}</h3>
      <MembersTable ballot={ballot} members={members} present={present} onToggle={toggle} />
      <p className={enough ? "quorum quorum-ok" : "quorum quorum-short"}>
        {t("ballots.presence.summary", { present: present.length, members: members.length })}
        {needed !== undefined && ` · ${t("ballots.presence.needed", { count: needed })}`}
      </p>
      {prefilled && <p className="hint">{t("ballots.presence.prefilled")}</p>}
      {save.isError && <ErrorAlert message={describe(save.error)} />}
      <div className="button-row">
        <button
          type="button"
          className="button-secondary button-small"
          onClick={() => onChange(present.length === members.length ? [] : [...members])}
        >
          {t(present.length === members.length ? "ballots.presence.none" : "ballots.presence.all")}
        </button>
        <button
          type="button"
          className="button-primary button-small"
          disabled={!dirty || save.isPending}
          aria-busy={save.isPending}
          onClick={() => save.mutate()}
        >
          {save.isPending ? t("form.saving") : t("ballots.presence.save")}
        </button>
      </div>
    </div>
  );
}
