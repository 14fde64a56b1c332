import { useTranslation } from "react-i18next";
import { dateFormat } from "../../i18n/dates.ts";
import { DownloadDocument } from "../documents/DownloadDocument.tsx";
import { DeadlineNote } from "./DeadlineNote.tsx";
import { currentDeadline, hasDuties } from "./tasks.ts";
import { useYearScope } from "./YearContext.tsx";

/** What everyone in the year reads first: theme, the leader's note, the current deadline, the published summary. */
export function YearOverview() {
  const { t, i18n } = useTranslation();
  const { view, name, viewer } = useYearScope();
  const { year, phase, summary } = view;
  const published = summary?.published;
  return (
    <section className="card year-overview" aria-label={t("cycle.overviewLabel")}>
      <dl className="details">
        <div className="details-row">
          <dt>{t("cycle.theme")}</dt>
          <dd>{year.theme ?? <span className="muted">{t("cycle.noTheme")}</span>}</dd>
        </div>
        {year.leaderUnitId && (
          <div className="details-row">
            <dt>{t("seats.leader")}</dt>
            <dd>{name(year.leaderUnitId)}</dd>
          </div>
        )}
        <div className="details-row">
          <dt>{t("cycle.currentPhase")}</dt>
          <dd>
            {t(`cycle.phase.${phase}`)}
            {hasDuties(phase) && (
              <>
                {" · "}
                <DeadlineNote deadline={currentDeadline(phase, year.deadlines)} />
              </>
            )}
          </dd>
        </div>
        {year.launchNote && (
          <div className="details-row">
            <dt>{t("cycle.launchNote")}</dt>
            <dd className="pre-line">{year.launchNote}</dd>
          </div>
        )}
      </dl>
      {summary && published && (
        <details className="summary-published">
          <summary>
            {t("cycle.summary.publishedOn", { date: dateFormat(i18n.language).format(new Date(published.at)) })}
          </summary>
          <div className="pre-line">{summary.text}</div>
          {/* Those who lead have it in the summary tab. */}
          {!viewer.leads && (
            <div className="button-row document-row">
              <DownloadDocument kind="midYearReport" />
            </div>
          )}
        </details>
      )}
    </section>
  );
}
