import { useQuery, useQueryClient } from "@tanstack/react-query";
import { sampleCriteriaTable } from "@thidua/core/criteria/template";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { blocsQuery } from "../../api/blocs.ts";
import { type CriteriaTable, criteriaQuery } from "../../api/criteria.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { SelectField } from "../SelectField.tsx";

/**
 * A new bloc's first table need not start empty: from the template, or as a copy of another bloc's table,
 * then edited and saved as this bloc's own.
 */
export function CriteriaStart({ blocId, onStart }: { blocId: string; onStart: (table: CriteriaTable) => void }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const blocs = useQuery(blocsQuery());
  const [source, setSource] = useState("template");
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const others = (blocs.data ?? []).filter((b) => b.blocId !== blocId && b.criteriaVersion > 0);

  const start = async () => {
    setError(null);
    if (source === "template") return onStart(sampleCriteriaTable);
    setLoading(true);
    try {
      const view = await queryClient.fetchQuery(criteriaQuery(source));
      if (view.table) onStart(view.table);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="card criteria-start" aria-labelledby="criteria-start-title">
      <h2 id="criteria-start-title">{t("criteria.startTitle")}</h2>
      <p className="hint">{t("criteria.startHint")}</p>
      {error !== null && <ErrorAlert message={describe(error)} />}
      <div className="toolbar">
        <SelectField
          id="criteria-start"
          label={t("criteria.startFrom")}
          value={source}
          options={[
            { value: "template", label: t("criteria.startTemplate") },
            ...others.map((b) => ({ value: b.blocId, label: t("criteria.startCopy", { name: b.name }) })),
          ]}
          onChange={(e) => setSource(e.target.value)}
        />
        <button
          type="button"
          className="button-secondary"
          disabled={loading}
          aria-busy={loading}
          onClick={() => void start()}
        >
          {t("criteria.startUse")}
        </button>
      </div>
    </section>
  );
}
