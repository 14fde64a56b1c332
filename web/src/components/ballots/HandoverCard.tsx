import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type Ballot, handOver, showHandover } from "../../api/ballots.ts";
import { blocYearQuery } from "../../api/blocs.ts";
import { isApiError } from "../../api/client.ts";
import { useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { blocPath } from "../../navigation.ts";
import { Confirmation } from "../Confirmation.tsx";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { Signature } from "../cycle/Signature.tsx";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { electedBy } from "./rounds.ts";

const NOTE_MIN = 3;
const NOTE_MAX = 2000;

/**
 * Bàn giao: once next year's leader is elected, the outgoing leader hands the bloc over; the elected
 * leader and deputies take next year's seats. Everyone reads the handover once it is recorded.
 */
export function HandoverCard({ ballots }: { ballots: readonly Ballot[] }) {
  const { t } = useTranslation();
  const { year, view, viewer, name } = useYearScope();
  const done = view.handover;
  if (done)
    return (
      <section className="card handover" aria-labelledby="handover-title">
        <h2 id="handover-title">{t("ballots.handover.doneTitle", { year: year + 1 })}</h2>
        <dl className="details">
          <div className="details-row">
            <dt>{t("ballots.handover.leader", { year: year + 1 })}</dt>
            <dd>{name(done.leaderUnitId)}</dd>
          </div>
          <div className="details-row">
            <dt>{t("ballots.handover.deputies", { year: year + 1 })}</dt>
            <dd>{done.deputyUnitIds.length ? done.deputyUnitIds.map(name).join(", ") : "—"}</dd>
          </div>
          <div className="details-row">
            <dt>{t("ballots.handover.note")}</dt>
            <dd className="pre-line">{done.note}</dd>
          </div>
        </dl>
        <Signature signed={done} label={t("ballots.handover.signed")} />
      </section>
    );
  if (!viewer.leads || (view.phase !== "ranked" && view.phase !== "closed")) return null;
  const [leader] = electedBy(ballots, "leader");
  if (!leader)
    return (
      <section className="card handover" aria-labelledby="handover-title">
        <h2 id="handover-title">{t("ballots.handover.title", { year: year + 1 })}</h2>
        <p className="hint">{t("ballots.handover.electFirst", { year: year + 1 })}</p>
      </section>
    );
  return <HandoverForm leader={leader} deputies={electedBy(ballots, "deputy")} />;
}

function HandoverForm({ leader, deputies }: { leader: string; deputies: string[] }) {
  const { t } = useTranslation();
  const { blocId, year, viewer, name } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const next = useQuery(blocYearQuery(blocId, year + 1));
  const [note, setNote] = useState(() => t("ballots.handover.noteDefault", { year }));
  const [confirming, setConfirming] = useState(false);
  const [short, setShort] = useState(false);
  const send = useMutation({
    mutationFn: () => handOver(blocId, year, { note: note.trim(), nextYearVersion: next.data?.version ?? 0 }),
    onSuccess: (view) => showHandover(queryClient, blocId, year, view),
    onError: (error) => {
      refresh(error);
      // Next year was read before a change (its members, its seats): read it again for the retry.
      if (isApiError(error)) void next.refetch();
    },
    onSettled: () => setConfirming(false),
  });
  const unprepared = next.data !== undefined && next.data.memberUnitIds.length === 0;
  const problems = isApiError(send.error) ? send.error.fields.map((f) => describeCode(f.message, f)) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tooShort = note.trim().length < NOTE_MIN || note.trim().length > NOTE_MAX;
    setShort(tooShort);
    if (tooShort) document.getElementById("handover-note")?.focus();
    else setConfirming(true);
  };
  return (
    <form className="card form handover" onSubmit={submit} noValidate aria-labelledby="handover-title">
      <h2 id="handover-title">{t("ballots.handover.title", { year: year + 1 })}</h2>
      <dl className="details">
        <div className="details-row">
          <dt>{t("ballots.handover.leader", { year: year + 1 })}</dt>
          <dd>{name(leader)}</dd>
        </div>
        <div className="details-row">
          <dt>{t("ballots.handover.deputies", { year: year + 1 })}</dt>
          <dd>{deputies.length ? deputies.map(name).join(", ") : t("ballots.handover.noDeputy")}</dd>
        </div>
      </dl>
      <p className="hint">{t("ballots.handover.hint")}</p>
      {unprepared && (
        <p className="alert alert-warning">
          <span>
            {t("ballots.handover.unprepared", { year: year + 1 })}{" "}
            {viewer.role === "board" && <Link to={blocPath(blocId)}>{t("ballots.handover.prepare")}</Link>}
          </span>
        </p>
      )}
      {send.isError && <ErrorAlert message={[describe(send.error), ...problems].join(" ")} />}
      <div className="field">
        <label htmlFor="handover-note">{t("ballots.handover.note")}</label>
        <CountedTextarea
          id="handover-note"
          rows={3}
          max={NOTE_MAX}
          value={note}
          aria-invalid={short ? true : undefined}
          describedBy={short ? "handover-note-error" : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {short && (
          <p id="handover-note-error" className="field-error">
            {t("ballots.handover.noteRule")}
          </p>
        )}
      </div>
      {!confirming ? (
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={next.isPending || unprepared}>
            {t("ballots.handover.submit")}
          </button>
        </div>
      ) : (
        <Confirmation
          id="handover-confirm"
          message={t("ballots.handover.confirm", { leader: name(leader), year: year + 1 })}
          label={t("ballots.handover.confirmButton")}
          pendingLabel={t("form.saving")}
          pending={send.isPending}
          onConfirm={() => send.mutate()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
