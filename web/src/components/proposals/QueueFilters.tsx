import { useTranslation } from "react-i18next";
import type { ProposalStatus } from "../../api/proposals.ts";
import { Field } from "../Field.tsx";
import { SelectField } from "../SelectField.tsx";
import type { QueueFilter } from "./queue.ts";

/** What waits for the board first, then what it decided, then what the blocs withdrew. */
const queueStatuses = ["proposed", "returned", "approved", "rejected", "withdrawn", "all"] as const;

/** The queue's filters: status with its count under the other filters, bloc, award type, a unit's name. */
export function QueueFilters({
  filter,
  counts,
  blocs,
  awards,
  onChange,
}: {
  filter: QueueFilter;
  counts: Record<ProposalStatus | "all", number>;
  blocs: readonly { value: string; label: string }[];
  awards: readonly { value: string; label: string }[];
  onChange: (filter: QueueFilter) => void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<QueueFilter>) => onChange({ ...filter, ...change });
  return (
    <div className="toolbar queue-filters">
      <SelectField
        id="queue-status"
        label={t("proposals.queue.status")}
        value={filter.status}
        options={queueStatuses.map((s) => ({
          value: s,
          label: t("proposals.queue.statusOption", {
            label: s === "all" ? t("proposals.queue.allStatuses") : t(`proposals.status.${s}`),
            count: counts[s],
          }),
        }))}
        onChange={(e) => set({ status: e.target.value as QueueFilter["status"] })}
      />
      <SelectField
        id="queue-bloc"
        label={t("proposals.queue.bloc")}
        value={filter.blocId}
        options={[{ value: "", label: t("proposals.queue.allBlocs") }, ...blocs]}
        onChange={(e) => set({ blocId: e.target.value })}
      />
      <SelectField
        id="queue-award"
        label={t("proposals.queue.award")}
        value={filter.awardTypeId}
        options={[{ value: "", label: t("proposals.queue.allAwards") }, ...awards]}
        onChange={(e) => set({ awardTypeId: e.target.value })}
      />
      <Field
        id="queue-search"
        type="search"
        label={t("proposals.queue.search")}
        placeholder={t("proposals.queue.searchPlaceholder")}
        value={filter.search}
        onChange={(e) => set({ search: e.target.value })}
      />
    </div>
  );
}
