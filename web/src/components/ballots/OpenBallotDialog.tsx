import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AwardType, awardTypesQuery } from "../../api/awardTypes.ts";
import {
  type Ballot,
  type BallotKind,
  ballotKinds,
  type OpenBallotInput,
  openBallot,
  showBallot,
} from "../../api/ballots.ts";
import { type BlocQuotas, blocQuotasQuery } from "../../api/quotas.ts";
import { type RuleSet, rulesQuery } from "../../api/rules.ts";
import { type Ranking, rankingQuery } from "../../api/scores.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Field } from "../Field.tsx";
import { FormActions } from "../FormActions.tsx";
import { allOf, QueryState } from "../QueryState.tsx";
import { SelectField } from "../SelectField.tsx";
import { type CandidateContext, defaultCandidates, defaultSeats, eligibleFor } from "./candidates.ts";
import { servingYear, topicOf } from "./rounds.ts";

/** What the dialog opens on: a kind (and award type), from the button or from a round that needs another. */
export interface Draft {
  kind: BallotKind;
  awardTypeId?: string;
}

/** The leader opens a ballot: what is voted on, how many seats, the candidates (preselected, editable). */
export function OpenBallotDialog({
  draft,
  ballots,
  onClose,
}: {
  draft: Draft;
  ballots: readonly Ballot[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const ranking = useQuery(rankingQuery(blocId, year));
  const types = useQuery(awardTypesQuery());
  const quotas = useQuery(blocQuotasQuery(blocId, year));
  const rules = useQuery(rulesQuery({ blocId }));
  return (
    <Dialog title={t("ballots.open.title")} onClose={onClose}>
      <QueryState query={allOf({ ranking, types, quotas, rules })} loading={t("ballots.open.loading")}>
        {(data) => (
          <OpenBallotForm
            draft={draft}
            ballots={ballots}
            ranking={data.ranking}
            awardTypes={data.types.filter((a) => a.active && a.level === "collective")}
            quotas={data.quotas}
            rules={data.rules.rules}
            onDone={onClose}
          />
        )}
      </QueryState>
    </Dialog>
  );
}

interface FormProps {
  draft: Draft;
  ballots: readonly Ballot[];
  ranking: Ranking;
  awardTypes: readonly AwardType[];
  quotas: BlocQuotas;
  rules: RuleSet;
  onDone: () => void;
}

function OpenBallotForm({ draft, ballots, ranking, awardTypes, quotas, rules, onDone }: FormProps) {
  const { t } = useTranslation();
  const { blocId, year, view, name, sorted, units } = useYearScope();
  const queryClient = useQueryClient();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const refresh = useRefreshOnConflict(blocId, year);
  const members = sorted(view.year.memberUnitIds);
  const disciplined = new Set(members.filter((id) => units.get(id)?.discipline[String(year)] !== undefined));
  const ctx: CandidateContext = {
    ranking: ranking.entries,
    members,
    disciplined,
    leaderUnitId: view.year.leaderUnitId,
    noConsecutiveLeader: rules.rotation.noConsecutiveLeader,
    ballots,
  };

  /** Everything the form shows for a kind and award type, recomputed when either changes. */
  const initial = (kind: BallotKind, awardTypeId: string | undefined) => {
    const award = awardTypes.find((a) => a.awardTypeId === awardTypeId);
    const candidates = defaultCandidates(kind, ctx, award);
    const previous = ballots
      .filter((b) => topicOf(b) === topicOf({ kind, awardTypeId }))
      .sort((a, b) => b.round - a.round)[0];
    const quota = quotas.items.find((q) => q.awardTypeId === awardTypeId)?.resulting;
    const seats = defaultSeats(kind, candidates.length, {
      quota,
      deputies: view.year.deputyUnitIds.length,
      previous: previous?.count?.result.runoff.length ? previous : undefined,
    });
    return { kind, awardTypeId, candidates, seats: String(seats) };
  };
  const firstAward = draft.awardTypeId ?? awardTypes[0]?.awardTypeId;
  const [form, setForm] = useState(() => initial(draft.kind, draft.kind === "award" ? firstAward : undefined));
  const choose = (kind: BallotKind, awardTypeId?: string) =>
    setForm(initial(kind, kind === "award" ? (awardTypeId ?? firstAward) : undefined));

  const topic = topicOf(form);
  const earlier = ballots.filter((b) => topicOf(b) === topic);
  const round = earlier.length + 1;
  const alreadyOpen = earlier.some((b) => b.status === "open");
  const runoff = earlier.find((b) => b.round === round - 1)?.count?.result.runoff ?? [];
  const allowed = new Set(eligibleFor(form.kind, ctx));
  // Ranked order for the leading unit and awards (best first), names in order for the seats.
  const listed =
    form.kind === "leading_unit" || form.kind === "award"
      ? [...ranking.entries.map((e) => e.unitId).filter((id) => members.includes(id)), ...members].filter(
          (id, i, all) => all.indexOf(id) === i,
        )
      : members;
  const seats = Number(form.seats);
  const seatsValid = Number.isInteger(seats) && seats >= 1 && seats <= Math.max(1, form.candidates.length);

  const open = useMutation({
    mutationFn: (body: OpenBallotInput) => openBallot(blocId, year, body),
    onSuccess: (ballot) => {
      showBallot(queryClient, blocId, year, ballot);
      onDone();
    },
    onError: refresh,
  });
  // A refused candidate is named by its place in the list sent.
  const fields = fieldsOf(open.error);
  const candidateError = (id: string) => {
    const message = fields[`candidates.${open.variables?.candidates.indexOf(id) ?? -1}`];
    return message && describeField(message);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.candidates.length === 0 || !seatsValid) return;
    open.mutate({
      kind: form.kind,
      ...(form.kind === "award" && form.awardTypeId ? { awardTypeId: form.awardTypeId } : {}),
      // In the listed order: the vote page and the minutes keep it.
      candidates: listed.filter((id) => form.candidates.includes(id)),
      seats,
    });
  };
  const rankOf = (id: string) => ranking.entries.find((e) => e.unitId === id)?.rank;
  const note = (id: string) => {
    if (disciplined.has(id)) return t("ballots.open.disciplined");
    if (form.kind === "leader" && !allowed.has(id)) return t("ballots.open.currentLeader");
    const rank = rankOf(id);
    return rank ? t("ballots.open.rank", { rank }) : "";
  };

  return (
    <form className="form open-ballot-form" onSubmit={submit} noValidate>
      {open.isError && <ErrorAlert message={describe(open.error)} />}
      <SelectField
        id="ballot-kind"
        label={t("ballots.open.kind")}
        value={form.kind}
        options={ballotKinds.map((k) => ({ value: k, label: t(`ballots.kind.${k}`, { year: servingYear(k, year) }) }))}
        onChange={(e) => choose(e.target.value as BallotKind)}
      />
      {form.kind === "award" && (
        <SelectField
          id="ballot-award"
          label={t("ballots.open.awardType")}
          value={form.awardTypeId ?? ""}
          options={awardTypes.map((a) => ({ value: a.awardTypeId, label: a.name }))}
          onChange={(e) => choose("award", e.target.value)}
        />
      )}
      <p className="hint" role="status">
        {alreadyOpen
          ? t("ballots.open.alreadyOpen")
          : runoff.length > 0
            ? t("ballots.open.runoffNote", { round })
            : t("ballots.open.round", { round })}
      </p>
      <Field
        id="ballot-seats"
        label={t("ballots.open.seats")}
        type="number"
        inputMode="numeric"
        min={1}
        max={Math.max(1, form.candidates.length)}
        value={form.seats}
        className="input-narrow"
        hint={form.kind === "award" ? t("ballots.open.seatsQuota") : t("ballots.open.seatsHint")}
        error={seatsValid ? undefined : t("ballots.open.seatsRule", { max: form.candidates.length })}
        onChange={(e) => setForm({ ...form, seats: e.target.value })}
      />
      <fieldset className="checklist" aria-describedby="ballot-candidates-hint">
        <legend>{t("ballots.open.candidates", { count: form.candidates.length })}</legend>
        <p id="ballot-candidates-hint" className="hint">
          {t(form.kind === "leading_unit" || form.kind === "award" ? "ballots.open.byRanking" : "ballots.open.byName")}
        </p>
        {listed.map((id) => {
          const error = candidateError(id);
          const extra = note(id);
          return (
            <div key={id} className={error ? "check-row has-error" : "check-row"}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.candidates.includes(id)}
                  disabled={!allowed.has(id) && !form.candidates.includes(id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      candidates: e.target.checked ? [...form.candidates, id] : form.candidates.filter((c) => c !== id),
                    })
                  }
                />
                <span>
                  {name(id)}
                  {extra && <span className="muted"> · {extra}</span>}
                </span>
              </label>
              {error && <p className="field-error">{error}</p>}
            </div>
          );
        })}
      </fieldset>
      {form.candidates.length === 0 && <p className="field-error">{t("ballots.open.needCandidate")}</p>}
      <FormActions pending={open.isPending} submitLabel={t("ballots.open.submit")} onCancel={onDone} />
    </form>
  );
}
