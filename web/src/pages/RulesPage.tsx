import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { defaultRules, rulesQuery } from "../api/rules.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Loading } from "../components/Loading.tsx";
import { RulesForm } from "../components/rules/RulesForm.tsx";
import { ruleFields } from "../components/rules/ruleFields.ts";
import { useErrorMessage } from "../i18n/errors.ts";

/** Quy chế tỉnh: the province's regulation as settings, over the shipped defaults; blocs may change some. */
export function RulesPage() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const rules = useQuery(rulesQuery("province"));
  return (
    <section className="page">
      <h1>{t("rulesForm.title")}</h1>
      <p className="lead">{t("rulesForm.intro")}</p>
      {rules.isPending ? (
        <Loading label={t("rulesForm.loading")} />
      ) : rules.isError ? (
        <ErrorAlert message={describe(rules.error)} onRetry={() => void rules.refetch()} />
      ) : (
        <RulesForm
          scope="province"
          view={rules.data}
          parent={defaultRules}
          parentLabel={t("rulesForm.fromDefaults")}
          fields={ruleFields}
          canWrite
        />
      )}
    </section>
  );
}
