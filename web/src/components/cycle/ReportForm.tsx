import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fileReport, type Participation } from "../../api/cycle.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { FormActions } from "../FormActions.tsx";
import { Notice, type NoticeMessage } from "../Notice.tsx";
import { filled, ItemListEditor } from "./ItemListEditor.tsx";
import { Signature } from "./Signature.tsx";
import { usePartMutation } from "./usePartMutation.ts";
import { useYearScope } from "./YearContext.tsx";

/** Báo cáo sơ kết 6 tháng of the unit: one item per result; filed again until the review ends. */
export function ReportForm({
  unitId,
  part,
  editable,
}: {
  unitId: string;
  part: Participation | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const describe = useErrorMessage();
  const describeField = useCodeMessage();
  const saved = part?.report;
  const [items, setItems] = useState<string[]>(saved?.items ?? [""]);
  const [empty, setEmpty] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const save = usePartMutation(
    (sent: string[]) => fileReport(blocId, year, unitId, { items: sent, version: part?.version ?? 0 }),
    () => setNotice({ kind: "success", key: "cycle.report.saved" }),
  );

  if (!editable)
    return (
      <section className="card" aria-labelledby="report">
        <h2 id="report" tabIndex={-1}>
          {t("cycle.report.title")}
        </h2>
        {saved ? (
          <>
            <Signature signed={saved.filed} label={t("cycle.report.filed")} />
            <ol className="text-list">
              {saved.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a filed list never reorders
                <li key={i}>{item}</li>
              ))}
            </ol>
          </>
        ) : (
          <p className="muted">{t("cycle.report.none")}</p>
        )}
      </section>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const sent = filled(items);
    setItems(sent.length ? sent : [""]);
    setEmpty(sent.length === 0);
    if (sent.length === 0) document.getElementById("report-items-0")?.focus();
    else save.mutate(sent);
  };
  const itemErrors = Object.fromEntries(
    Object.entries(fieldsOf(save.error)).flatMap(([path, message]) => {
      const match = /^items\.(\d+)$/.exec(path);
      return match ? [[Number(match[1]), describeField(message)]] : [];
    }),
  );
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="report">
      <h2 id="report" tabIndex={-1}>
        {t("cycle.report.title")}
      </h2>
      <p className="hint">{t("cycle.report.hint")}</p>
      {saved && <Signature signed={saved.filed} label={t("cycle.report.filed")} />}
      {save.isError && !Object.keys(itemErrors).length && <ErrorAlert message={describe(save.error)} />}
      {notice && <Notice notice={notice} onDismiss={() => setNotice(null)} />}
      <ItemListEditor
        id="report-items"
        legend={t("cycle.report.items")}
        itemName={(n) => t("cycle.report.itemN", { number: n })}
        addLabel={t("cycle.report.add")}
        items={items}
        onChange={(next) => {
          setItems(next);
          setEmpty(false);
        }}
        errors={itemErrors}
        error={empty ? t("cycle.report.needItem") : undefined}
      />
      <FormActions pending={save.isPending} submitLabel={saved ? t("cycle.report.update") : t("cycle.report.submit")} />
    </form>
  );
}
