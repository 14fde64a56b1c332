import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { letterheadQuery } from "../api/letterhead.ts";
import { LetterheadForm } from "../components/letterhead/LetterheadForm.tsx";
import { QueryState } from "../components/QueryState.tsx";

/** Tiêu đề văn bản: what every document the province issues carries; documents wait until it is saved. */
export function LetterheadPage() {
  const { t } = useTranslation();
  const letterhead = useQuery(letterheadQuery());
  return (
    <section className="page">
      <h1>{t("letterhead.title")}</h1>
      <p className="lead">{t("letterhead.intro")}</p>
      <QueryState query={letterhead} loading={t("letterhead.loading")}>
        {(view) => (
          <>
            {view.letterhead === null && (
              <p role="status" className="alert alert-info">
                {t("letterhead.unset")}
              </p>
            )}
            <LetterheadForm view={view} />
          </>
        )}
      </QueryState>
    </section>
  );
}
