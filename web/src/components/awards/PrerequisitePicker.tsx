import { useTranslation } from "react-i18next";
import type { AwardType } from "../../api/awardTypes.ts";
import { ChecklistFieldset } from "../ChecklistFieldset.tsx";

/** The award types a unit must hold first, as checkboxes; `error` is the API's, already translated. */
export function PrerequisitePicker({
  id,
  options,
  value,
  error,
  onChange,
}: {
  id: string;
  options: AwardType[];
  value: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  if (options.length === 0) return null;
  return (
    <ChecklistFieldset id={id} legend={t("awards.prerequisites")} hint={t("awards.prerequisitesHint")} error={error}>
      {options.map((type) => (
        <label key={type.awardTypeId} className="check">
          <input
            type="checkbox"
            checked={value.includes(type.awardTypeId)}
            onChange={(e) =>
              onChange(
                e.target.checked ? [...value, type.awardTypeId] : value.filter((other) => other !== type.awardTypeId),
              )
            }
          />
          {type.name}
        </label>
      ))}
    </ChecklistFieldset>
  );
}
