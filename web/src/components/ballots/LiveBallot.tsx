import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Ballot } from "../../api/ballots.ts";
import { useYearScope } from "../cycle/YearContext.tsx";
import { useBallotTitle } from "./ballotTitle.ts";
import { CloseBallot } from "./CloseBallot.tsx";
import { MembersTable, PresenceEditor } from "./Presence.tsx";
import { earlierPresence, quorumNeeded } from "./rounds.ts";

/**
 * An open ballot as the conference follows it: turnout read again every few seconds (who has voted, never
 * what), members present and the quorum; the leader ticks who is present and closes the vote.
 */
export function LiveBallot({ ballot, ballots }: { ballot: Ballot; ballots: readonly Ballot[] }) {
  const { t } = useTranslation();
  const { year, view, viewer, name, sorted } = useYearScope();
  const title = useBallotTitle(year);
  const members = sorted(view.year.memberUnitIds);
  // The count's own figure once a close was refused for want of members present, else the year's rules.
  const [refusedAt, setRefusedAt] = useState<number | undefined>(undefined);
  const needed = refusedAt ?? quorumNeeded(view.ballotRules.quorum, members.length);

  // The leader's ticks, unsaved; a ballot with nobody present yet starts from the last ballot's list.
  const [draft, setDraft] = useState<string[] | null>(null);
  const prefill = ballot.present.length === 0 ? earlierPresence(ballots, ballot.ballotId) : undefined;
  const present = draft ?? prefill ?? ballot.present;
  const dirty = draft !== null || prefill !== undefined;
  const titleId = `ballot-${ballot.ballotId}`;
  const voted = ballot.voted.length;

  return (
    <section className="card live-ballot" aria-labelledby={titleId}>
      <div className="ballot-head">
        <h2 id={titleId}>{title(ballot)}</h2>
        <span className="badge badge-open">{t("ballots.status.open")}</span>
        <span className="badge badge-closed">{t(ballot.secret ? "ballots.secret" : "ballots.public")}</span>
      </div>
      <p className="ballot-rule">
        {t("ballots.seatsRule", { count: ballot.seats, candidates: ballot.candidates.length })}
        {": "}
        {ballot.candidates.map(name).join(", ")}
      </p>
      <div className="turnout">
        <p aria-live="polite">
          <strong>{t("ballots.turnout.count", { voted, members: members.length })}</strong>
        </p>
        <progress max={members.length} value={voted} aria-hidden="true" />
        <p className="hint">{t("ballots.turnout.live")}</p>
      </div>
      {viewer.leads ? (
        <PresenceEditor
          ballot={ballot}
          members={members}
          present={present}
          dirty={dirty}
          prefilled={draft === null && prefill !== undefined}
          needed={needed}
          onChange={setDraft}
          onSaved={() => setDraft(null)}
        />
      ) : (
        <MembersTable ballot={ballot} members={members} present={ballot.present} />
      )}
      {!viewer.leads && (
        <p className="hint">
          {t("ballots.presence.summary", { present: ballot.present.length, members: members.length })}
          {needed !== undefined && ` · ${t("ballots.presence.needed", { count: needed })}`}
        </p>
      )}
      {viewer.leads && (
        <CloseBallot ballot={ballot} members={members.length} blocked={dirty} onBelowQuorum={setRefusedAt} />
      )}
    </section>
  );
}
