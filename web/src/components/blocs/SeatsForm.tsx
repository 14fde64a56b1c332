import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { compareVietnamese } from "@thidua/core/text";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type BlocYear, blocKeys, blocYearQuery, setSeats } from "../../api/blocs.ts";
import { isStale } from "../../api/client.ts";
import type { Unit } from "../../api/units.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { SelectField } from "../SelectField.tsx";

const MAX_DEPUTIES = 3;

/** Khối trưởng and khối phó, chosen among the saved members; the API applies rotation and discipline rules. */
export function SeatsForm({ saved, unitsById }: { saved: BlocYear; unitsById: Map<string, Unit> }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const queryClient = useQueryClient();
  const { blocId, year } = saved;
  const [leader, setLeader] = useState(saved.leaderUnitId ?? "");
  const [deputies, setDeputies] = useState(saved.deputyUnitIds);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const previous = useQuery(blocYearQuery(blocId, year - 1)).data;

  const name = (id: string) => unitsById.get(id)?.name ?? id;
  const members = [...saved.memberUnitIds].sort((a, b) => compareVietnamese(name(a), name(b)));
  const notes = (id: string) =>
    [
      unitsById.get(id)?.discipline[String(year)] !== undefined ? t("seats.disciplined") : "",
      previous?.leaderUnitId === id ? t("seats.previousLeader") : "",
    ].filter(Boolean);

  const save = useMutation({
    mutationFn: (body: { leaderUnitId: string | null; deputyUnitIds: string[] }) =>
      setSeats(blocId, year, { ...body, version: saved.version }),
    onSuccess: (blocYear) => {
      queryClient.setQueryData(blocKeys.year(blocId, year), blocYear);
      setNotice({ kind: "success", key: "seats.saved", values: { year } });
    },
    onError: (error) => {
      setNotice(null);
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
    },
  });

  const fields = fieldsOf(save.error);
  const leaderError = fields.leaderUnitId && describeField(fields.leaderUnitId);
  const deputyError = (id: string) => {
    const index = save.variables?.deputyUnitIds.indexOf(id) ?? -1;
    const message = index >= 0 ? fields[`deputyUnitIds.${index}`] : undefined;
    return message && describeField(message);
  };
  const deputiesError = fields.deputyUnitIds && describeField(fields.deputyUnitIds);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ leaderUnitId: leader || null, deputyUnitIds: deputies.filter((id) => id !== leader) });
  };

  if (members.length === 0)
    return (
      <section className="card" aria-labelledby="seats-title">
        <h2 id="seats-title">{t("seats.title", { year })}</h2>
        <p className="muted">{t("seats.noMembers")}</p>
      </section>
    );

  const label = (id: string) => [name(id), ...notes(id)].join(" · ");
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="seats-title">
      <h2 id="seats-title">{t("seats.title", { year })}</h2>
      {save.isError && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <SelectField
        id="seat-leader"
        label={t("seats.leader")}
        value={leader}
        error={leaderError || undefined}
        options={[{ value: "", label: t("seats.noLeader") }, ...members.map((id) => ({ value: id, label: label(id) }))]}
        onChange={(e) => setLeader(e.target.value)}
      />
      <fieldset className="checklist compact" aria-describedby={deputiesError ? "seat-deputies-error" : undefined}>
        <legend>{t("seats.deputies", { max: MAX_DEPUTIES })}</legend>
        {members
          .filter((id) => id !== leader)
          .map((id) => {
            const error = deputyError(id);
            const checked = deputies.includes(id);
            return (
              <div key={id} className={error ? "check-row has-error" : "check-row"}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && deputies.length >= MAX_DEPUTIES}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) =>
                      setDeputies((list) => (e.target.checked ? [...list, id] : list.filter((d) => d !== id)))
                    }
                  />
                  {label(id)}
                </label>
                {error && <p className="field-error">{error}</p>}
              </div>
            );
          })}
        {deputiesError && (
          <p id="seat-deputies-error" className="field-error">
            {deputiesError}
          </p>
        )}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? t("form.saving") : t("seats.save")}
        </button>
      </div>
    </form>
  );
}
