import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Bloc } from "../../api/blocs.ts";
import { rulesQuery } from "../../api/rules.ts";
import { allOf, QueryState } from "../QueryState.tsx";
import { RulesForm } from "../rules/RulesForm.tsx";
import { ruleFields } from "../rules/ruleFields.ts";

// The government-flag cap is counted over the whole province: a bloc cannot change it.
const blocFields = ruleFields.filter((field) => field.section !== "caps");

/** The bloc's own rules: the province's regulation, with the settings this bloc does differently. */
export function BlocRulesTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const rules = allOf({
    province: useQuery(rulesQuery("province")),
    own: useQuery(rulesQuery({ blocId: bloc.blocId })),
  });
  return (
    <QueryState query={rules} loading={t("rulesForm.loading")}>
      {({ province, own }) => (
        <>
          <p className="lead">{t("rulesForm.blocIntro")}</p>
          <RulesForm
            scope={{ blocId: bloc.blocId }}
            view={own}
            parent={province.rules}
            parentLabel={t("rulesForm.fromProvince")}
            fields={blocFields}
            canWrite={canWrite}
          />
        </>
      )}
    </QueryState>
  );
}
