import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { blocKeys, rollover, rolloverQuery } from "../../api/blocs.ts";
import { isApiError } from "../../api/client.ts";
import { quotaKeys } from "../../api/quotas.ts";
import type { Unit } from "../../api/units.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { QueryState } from "../QueryState.tsx";

/**
 * "Chuẩn bị năm mới" for a year nothing was saved for: a preview of what the year before passes on
 * (members, quotas; seats are chosen again), then one click writes it.
 */
export function RolloverCard({
  blocId,
  year,
  unitsById,
}: {
  blocId: string;
  year: number;
  unitsById: Map<string, Unit>;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const [previewing, setPreviewing] = useState(false);
  const preview = useQuery({ ...rolloverQuery(blocId, year), enabled: previewing, retry: false });
  const prepare = useMutation({
    mutationFn: () => rollover(blocId, year),
    onSuccess: () => {
      // The preview is spent: asked again, it would answer that the year is prepared.
      setPreviewing(false);
      void queryClient.invalidateQueries({ queryKey: blocKeys.year(blocId, year) });
      void queryClient.invalidateQueries({ queryKey: quotaKeys.province(year) });
    },
  });
  const name = (id: string) => unitsById.get(id)?.name ?? id;

  return (
    <section className="card" aria-labelledby="rollover-title">
      <h2 id="rollover-title">{t("rollover.title", { year })}</h2>
      <p className="hint">{t("rollover.hint", { from: year - 1 })}</p>
      {!previewing ? (
        <button type="button" className="button-secondary" onClick={() => setPreviewing(true)}>
          {t("rollover.preview", { from: year - 1 })}
        </button>
      ) : preview.isError && isApiError(preview.error) && preview.error.status === 409 ? (
        // Nothing to copy, or the year is saved already: trying again would not change that.
        <ErrorAlert message={describe(preview.error)} />
      ) : (
        <QueryState query={preview} loading={t("rollover.loading")}>
          {(plan) => (
            <>
              <p>
                <strong>{t("rollover.members", { count: plan.memberUnitIds.length })}</strong>{" "}
                {plan.memberUnitIds.map(name).join(", ")}
              </p>
              {plan.skipped.length > 0 && (
                <ul>
                  {plan.skipped.map((s) => (
                    <li key={s.unitId}>{t(`rollover.skipped.${s.reason}`, { name: name(s.unitId) })}</li>
                  ))}
                </ul>
              )}
              <p>
                {plan.quotas.length > 0 ? t("rollover.quotas", { count: plan.quotas.length }) : t("rollover.noQuotas")}
              </p>
              <p className="hint">
                {plan.previousLeaderUnitId
                  ? t("rollover.seatsLeader", { name: name(plan.previousLeaderUnitId), from: plan.from })
                  : t("rollover.seats")}
              </p>
              {prepare.isError && <ErrorAlert message={describe(prepare.error)} />}
              <button
                type="button"
                className="button-primary"
                disabled={prepare.isPending}
                aria-busy={prepare.isPending}
                onClick={() => prepare.mutate()}
              >
                {t("rollover.confirm", { year })}
              </button>
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
