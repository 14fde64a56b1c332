import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { defaultRules, rulesQuery } from "../api/rules.ts";
import { QueryState } from "../components/QueryState.tsx";
import { RulesForm } from "../components/rules/RulesForm.tsx";
import { ruleFields } from "../components/rules/ruleFields.ts";
import { pages } from "../navigation.ts";

/** Quy chế tỉnh: the province's regulation as settings, over the shipped defaults; blocs may change some. */
export function RulesPage() {
  const { t } = useTranslation();
  const rules = useQuery(rulesQuery("province"));
  return (
    <section className="page">
      <h1>{t("rulesForm.title")}</h1>
      <p className="lead">{t("rulesForm.intro")}</p>
      <p>
        <Link to={pages.letterhead.path}>{t("letterhead.fromRules")}</Link>
      </p>
      <QueryState query={rules} loading={t("rulesForm.loading")}>
        {(view) => (
          <RulesForm
            scope="province"
            view={view}
            parent={defaultRules}
            parentLabel={t("rulesForm.fromDefaults")}
            fields={ruleFields}
            canWrite
          />
        )}
      </QueryState>
    </section>
  );
}
