import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ProposeInput } from "@thidua/core/proposal/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ballotsQuery } from "../../api/ballots.ts";
import { isApiError } from "../../api/client.ts";
import { type Proposal, type ProposeBody, propose, showProposal } from "../../api/proposals.ts";
import { checkBody } from "../../forms/editForm.ts";
import { fieldsOf, limitOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { CountedTextarea } from "../CountedTextarea.tsx";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { FormActions } from "../FormActions.tsx";
import { type Candidate, candidatesFor, type Elected, electedFor, missingPrerequisites } from "./eligibility.ts";
import { useDay } from "./ProposalStatus.tsx";
import type { QuotaUse } from "./quota.ts";
import { useAwardNames } from "./useAwardNames.ts";

const NOTE_MAX = 3000;

/**
 * The leader's proposal: an award type within the bloc's quota, a member that may be proposed (those the
 * vote elected first), the achievements, and the ballot that elected it attached. With `resubmit`, the
 * returned proposal is revised and sent again on the slot it holds: same award and unit, the board's
 * reason shown.
 */
export function ProposeForm({
  proposals,
  usage,
  resubmit,
  onDone,
  onCancel,
}: {
  proposals: readonly Proposal[];
  usage: readonly QuotaUse[];
  resubmit?: Proposal;
  onDone: (proposal: Proposal, resubmitted: boolean) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { blocId, year, view, name, sorted, units } = useYearScope();
  const awards = useAwardNames();
  const day = useDay();
  const describe = useErrorMessage();
  const describeCode = useCodeMessage();
  const queryClient = useQueryClient();
  const refresh = useRefreshOnConflict(blocId, year);
  // Ballots only help: without them (none yet, or unreadable) every member is still offered.
  const ballots = useQuery(ballotsQuery(blocId, year));
  const form = useRef<HTMLFormElement>(null);
  const [awardTypeId, setAwardTypeId] = useState(resubmit?.awardTypeId ?? "");
  const [unitId, setUnitId] = useState(resubmit?.unitId ?? "");
  const [note, setNote] = useState(resubmit?.note ?? "");
  const [attach, setAttach] = useState(true);
  const [local, setLocal] = useState<Record<string, string>>({});

  const type = awards.type(awardTypeId);
  const vote = type ? electedFor(ballots.data ?? [], type) : new Map<string, Elected>();
  const elected = vote.get(unitId);
  // A resubmission keeps the ballot it was sent with unless the vote names another.
  const ballotId = elected?.ballotId ?? resubmit?.ballotId;
  const quota = usage.find((u) => u.awardTypeId === awardTypeId);
  const missing = type && unitId ? missingPrerequisites(type, unitId, proposals) : [];
  const missingText =
    missing.length > 0
      ? t("proposals.form.missingPrerequisite", {
          unit: name(unitId),
          missing: missing.map(awards.name).join(", "),
          award: awards.name(awardTypeId),
        })
      : undefined;

  const send = useMutation({
    mutationFn: (body: ProposeBody) => propose(blocId, year, body),
    onSuccess: (saved) => {
      showProposal(queryClient, saved);
      onDone(saved, !!resubmit);
      if (!resubmit) {
        setUnitId("");
        setNote("");
        setAttach(true);
      }
    },
    onError: (error) => {
      refresh(error);
      // The first field the API refused takes the keyboard.
      const fields = fieldsOf(error);
      const first = ["awardTypeId", "unitId", "note"].find((f) => fields[f] || (f === "unitId" && isExists(error)));
      if (first) form.current?.querySelector<HTMLElement>(`#propose-${first}`)?.focus();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ProposeBody = {
      awardTypeId,
      unitId,
      ...(note.trim() ? { note } : {}),
      ...(attach && ballotId ? { ballotId } : {}),
    };
    const checked = checkBody(ProposeInput, body);
    const problems: Record<string, string> = {
      ...(checked.ok || !checked.errors.note ? {} : { note: t("proposals.form.noteRule") }),
      ...(unitId ? {} : { unitId: t("proposals.form.unitRequired") }),
      ...(awardTypeId ? {} : { awardTypeId: t("proposals.form.awardRequired") }),
    };
    setLocal(problems);
    const first = ["awardTypeId", "unitId", "note"].find((f) => problems[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#propose-${first}`)?.focus();
    else send.mutate(body);
  };

  // The API's refusals by field; a missing prerequisite names what is missing, over quota names the limit.
  const fields = fieldsOf(send.error);
  const serverError = (field: string) => {
    const code = fields[field];
    if (!code) return field === "unitId" && isExists(send.error) ? describeCode("proposal.exists") : undefined;
    if (code === "proposal.missing_prerequisite" && missingText) return missingText;
    return describeCode(code, { limit: limitOf(send.error, field) ?? quota?.limit ?? 0 });
  };
  const errors = {
    awardTypeId: local.awardTypeId ?? serverError("awardTypeId"),
    unitId: local.unitId ?? serverError("unitId"),
    note: local.note ?? (fields.note ? t("proposals.form.noteRule") : undefined),
  };
  const fieldLevel = Object.values(errors).some(Boolean);

  return (
    <form ref={form} className="form propose-form" onSubmit={submit} noValidate>
      {resubmit?.decision?.reason && (
        <div className="alert alert-warning returned-reason">
          <span>
            {t("proposals.form.returnedBy", {
              who: t("proposals.signed", { name: resubmit.decision.byName, date: day(resubmit.decision.at) }),
            })}
          </span>
          <p className="pre-line">{resubmit.decision.reason}</p>
        </div>
      )}
      {send.isError && !fieldLevel && <ErrorAlert message={describe(send.error)} />}
      {resubmit ? (
        <dl className="details">
          <div className="details-row">
            <dt>{t("proposals.form.award")}</dt>
            <dd>{awards.name(resubmit.awardTypeId)}</dd>
          </div>
          <div className="details-row">
            <dt>{t("proposals.form.unit")}</dt>
            <dd>{name(resubmit.unitId)}</dd>
          </div>
        </dl>
      ) : (
        <>
          <AwardSelect
            usage={usage}
            value={awardTypeId}
            error={errors.awardTypeId}
            onChange={(id) => {
              setAwardTypeId(id);
              setLocal(({ awardTypeId: _, ...rest }) => rest);
              // The API's refusal spoke of the previous choice.
              send.reset();
            }}
          />
          {type && (
            <UnitSelect
              candidates={candidatesFor(type, {
                members: sorted(view.year.memberUnitIds),
                proposals,
                disciplined: (id) => units.get(id)?.discipline[String(year)] !== undefined,
                ballots: ballots.data ?? [],
              })}
              value={unitId}
              error={errors.unitId}
              onChange={(id) => {
                setUnitId(id);
                setLocal(({ unitId: _, ...rest }) => rest);
                send.reset();
              }}
            />
          )}
        </>
      )}
      {type?.leaderOnly && !resubmit && <p className="hint">{t("proposals.form.leaderOnly")}</p>}
      {quota && !resubmit && !errors.awardTypeId && quota.limit > 0 && quota.left === 0 && (
        <p className="alert alert-warning">
          {t("proposals.form.quotaFull", { award: awards.name(awardTypeId), limit: quota.limit })}
        </p>
      )}
      {missingText && !errors.awardTypeId && <p className="alert alert-warning">{missingText}</p>}
      <div className="field">
        <label htmlFor="propose-note">{t("proposals.form.note")}</label>
        <CountedTextarea
          id="propose-note"
          value={note}
          max={NOTE_MAX}
          rows={4}
          describedBy={errors.note ? "propose-note-error propose-note-hint" : "propose-note-hint"}
          aria-invalid={errors.note ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {errors.note && (
          <p id="propose-note-error" className="field-error">
            {errors.note}
          </p>
        )}
        <p id="propose-note-hint" className="hint">
          {t("proposals.form.noteHint")}
        </p>
      </div>
      {unitId && type && (
        <BallotChoice
          elected={elected}
          ballotId={ballotId}
          voted={vote.size > 0}
          attach={attach}
          onAttach={setAttach}
          award={type.name}
        />
      )}
      <FormActions
        pending={send.isPending}
        submitLabel={resubmit ? t("proposals.form.resubmit") : t("proposals.form.submit")}
        onCancel={onCancel}
      />
    </form>
  );
}

const isExists = (error: unknown) => isApiError(error, "proposal.exists");

/** The award types of the bloc's quota lines, each with what is left: "Bằng khen… (còn 1/3)". */
function AwardSelect({
  usage,
  value,
  error,
  onChange,
}: {
  usage: readonly QuotaUse[];
  value: string;
  error: string | undefined;
  onChange: (awardTypeId: string) => void;
}) {
  const { t } = useTranslation();
  const awards = useAwardNames();
  const offered = usage.filter((u) => awards.type(u.awardTypeId)?.active);
  return (
    <div className="field">
      <label htmlFor="propose-awardTypeId">{t("proposals.form.award")}</label>
      <select
        id="propose-awardTypeId"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "propose-awardTypeId-error" : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("proposals.form.chooseAward")}</option>
        {offered.map((u) => (
          // No quota at all: nothing to propose (the API would refuse it at once).
          <option key={u.awardTypeId} value={u.awardTypeId} disabled={u.limit === 0}>
            {u.limit === 0
              ? t("proposals.form.noQuotaOption", { name: awards.name(u.awardTypeId) })
              : t("proposals.form.awardOption", { name: awards.name(u.awardTypeId), left: u.left, limit: u.limit })}
          </option>
        ))}
      </select>
      {error && (
        <p id="propose-awardTypeId-error" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The members: elected in the vote first (with their votes), the others, then those who cannot be proposed and why. */
function UnitSelect({
  candidates,
  value,
  error,
  onChange,
}: {
  candidates: Candidate[];
  value: string;
  error: string | undefined;
  onChange: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const { name, year } = useYearScope();
  const elected = candidates.filter((c) => c.elected && !c.blocked);
  const others = candidates.filter((c) => !c.elected && !c.blocked);
  const blocked = candidates.filter((c) => c.blocked);
  const describedBy = [error && "propose-unitId-error", "propose-unitId-hint"].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor="propose-unitId">{t("proposals.form.unit")}</label>
      <select
        id="propose-unitId"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("proposals.form.chooseUnit")}</option>
        {elected.length > 0 && (
          <optgroup label={t("proposals.form.electedGroup")}>
            {elected.map((c) => (
              <option key={c.unitId} value={c.unitId}>
                {t("proposals.form.electedOption", {
                  name: name(c.unitId),
                  votes: c.elected?.votes ?? 0,
                  returned: c.elected?.returned ?? 0,
                })}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t("proposals.form.othersGroup")}>
            {others.map((c) => (
              <option key={c.unitId} value={c.unitId}>
                {name(c.unitId)}
              </option>
            ))}
          </optgroup>
        )}
        {blocked.length > 0 && (
          <optgroup label={t("proposals.form.blockedGroup")}>
            {blocked.map((c) => (
              <option key={c.unitId} value={c.unitId} disabled>
                {t("proposals.form.blockedOption", {
                  name: name(c.unitId),
                  why: t(`proposals.form.blocked.${c.blocked ?? "proposed"}`, { year }),
                })}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {error && (
        <p id="propose-unitId-error" className="field-error">
          {error}
        </p>
      )}
      <p id="propose-unitId-hint" className="hint">
        {elected.length + others.length === 0 ? t("proposals.form.noCandidates") : t("proposals.form.unitHint")}
      </p>
    </div>
  );
}

/** The ballot that elected the unit, attached unless unticked; or, when the bloc voted on the award, that it was not elected. */
function BallotChoice({
  elected,
  ballotId,
  voted,
  attach,
  onAttach,
  award,
}: {
  elected: Elected | undefined;
  ballotId: string | undefined;
  voted: boolean;
  attach: boolean;
  onAttach: (attach: boolean) => void;
  award: string;
}) {
  const { t } = useTranslation();
  if (!ballotId) return voted ? <p className="hint">{t("proposals.form.noBallot")}</p> : null;
  const label = elected
    ? t("proposals.form.attachBallot", {
        ballot: t(`proposals.form.ballotOf.${elected.kind}`, { award, round: elected.round }),
        votes: elected.votes,
        returned: elected.returned,
      })
    : t("proposals.list.ballot");
  return (
    <label className="check">
      <input type="checkbox" checked={attach} onChange={(e) => onAttach(e.target.checked)} />
      {label}
    </label>
  );
}
