import { useTranslation } from "react-i18next";
import { type Participation, signCovenant } from "../../api/cycle.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Signature } from "./Signature.tsx";
import { usePartMutation } from "./usePartMutation.ts";
import { useYearScope } from "./YearContext.tsx";

/** Ký kết giao ước thi đua: signed once, by one click; then who signed and when. */
export function CovenantCard({ unitId, part }: { unitId: string; part: Participation | undefined }) {
  const { t } = useTranslation();
  const { blocId, year, view } = useYearScope();
  const describe = useErrorMessage();
  const sign = usePartMutation(() => signCovenant(blocId, year, unitId, part?.version ?? 0));
  const open = view.phase !== "closed";
  return (
    <section className="card" aria-labelledby="covenant">
      <h2 id="covenant" tabIndex={-1}>
        {t("cycle.covenant.title", { year })}
      </h2>
      {part?.covenant ? (
        <Signature signed={part.covenant} label={t("cycle.covenant.signed")} />
      ) : (
        <>
          <p>{t("cycle.covenant.pledge", { year })}</p>
          {sign.isError && <ErrorAlert message={describe(sign.error)} />}
          {open && (
            <div className="button-row">
              <button
                type="button"
                className="button-primary"
                disabled={sign.isPending}
                aria-busy={sign.isPending}
                onClick={() => sign.mutate(undefined)}
              >
                {sign.isPending ? t("cycle.covenant.signing") : t("cycle.covenant.sign")}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
