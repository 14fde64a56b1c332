import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Bloc } from "../../api/blocs.ts";
import { rulesQuery } from "../../api/rules.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Loading } from "../Loading.tsx";
import { RulesForm } from "../rules/RulesForm.tsx";
import { ruleFields } from "../rules/ruleFields.ts";

// The government-flag cap is counted over the whole province: a bloc cannot change it.
const blocFields = ruleFields.filter((field) => field.section !== "caps");

/** The bloc's own rules: the province's regulation, with the settings this bloc does differently. */
export function BlocRulesTab({ bloc, canWrite }: { bloc: Bloc; canWrite: boolean }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const province = useQuery(rulesQuery("province"));
  const own = useQuery(rulesQuery({ blocId: bloc.blocId }));

  if (province.isPending || own.isPending) return <Loading label={t("rulesForm.loading")} />;
  if (province.isError || own.isError)
    return (
      <ErrorAlert
        message={describe(province.error ?? own.error)}
        onRetry={() => void Promise.all([province.refetch(), own.refetch()])}
      />
    );
  return (
    <>
      <p className="lead">{t("rulesForm.blocIntro")}</p>
      <RulesForm
        scope={{ blocId: bloc.blocId }}
        view={own.data}
        parent={province.data.rules}
        parentLabel={t("rulesForm.fromProvince")}
        fields={blocFields}
        canWrite={canWrite}
      />
    </>
  );
}
