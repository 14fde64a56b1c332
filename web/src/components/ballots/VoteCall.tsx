import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Ballot } from "../../api/ballots.ts";
import { votePath } from "../../navigation.ts";
import { useYearScope } from "../cycle/YearContext.tsx";

/** A member's call to vote while ballots it has not voted in are open; "đã bỏ phiếu" once it has. */
export function VoteCall({ ballots, unitId }: { ballots: readonly Ballot[]; unitId: string }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  if (ballots.length === 0) return null;
  const pending = ballots.filter((b) => !b.voted.includes(unitId)).length;
  return pending > 0 ? (
    <section className="card next-step vote-call" aria-labelledby="vote-call-title">
      <h2 id="vote-call-title">{t("ballots.call.title")}</h2>
      <p>{t("ballots.call.pending", { count: pending })}</p>
      <Link className="button-primary" to={votePath(blocId, year)}>
        {t("ballots.call.action")}
      </Link>
    </section>
  ) : (
    <p className="alert alert-success vote-call-done" role="status">
      {t("ballots.call.done")}
    </p>
  );
}
