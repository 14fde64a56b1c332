import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { ConferenceTab } from "../ballots/ConferenceTab.tsx";
import { ProposalsTab } from "../proposals/ProposalsTab.tsx";
import { RankingTab } from "../scores/RankingTab.tsx";
import { VerificationTab } from "../scores/VerificationTab.tsx";
import { Tabs } from "../Tabs.tsx";
import { ProgressTab } from "./ProgressTab.tsx";
import { SummaryEditor } from "./SummaryEditor.tsx";
import { UnitTab } from "./UnitTab.tsx";
import { useYearScope } from "./YearContext.tsx";
import { type YearTab, yearTabsOf } from "./yearTabs.ts";

/** The year's tabs, the selected one in the address (`?tab=scores`), and the section a link asked for (`#report`). */
export function YearTabs() {
  const { t } = useTranslation();
  const { view, viewer } = useYearScope();
  const tabs = yearTabsOf(view, viewer);
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  const requested = params.get("tab");
  const tab = tabs.find((key) => key === requested) ?? tabs[0] ?? "progress";

  // A step's link (`?tab=unit#registration`) puts the keyboard on its section once it is drawn: the
  // section may wait for its own data, so it is looked for again for a few seconds.
  useEffect(() => {
    // The tab is read so that switching to the one holding the section focuses it too.
    if (!hash || !tab) return;
    const id = decodeURIComponent(hash.slice(1));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const focus = (triesLeft: number) => {
      const target = document.getElementById(id);
      if (target) {
        target.focus({ preventScroll: true });
        target.scrollIntoView({ block: "start" });
      } else if (triesLeft > 0) timer = setTimeout(() => focus(triesLeft - 1), 50);
    };
    focus(100);
    return () => clearTimeout(timer);
  }, [hash, tab]);

  const select = (key: YearTab) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set("tab", key);
        return next;
      },
      { replace: true },
    );
  return (
    <Tabs
      id="year"
      label={t("cycle.tabsLabel")}
      tabs={tabs.map((key) => ({ key, label: t(`cycle.tabs.${key}`) }))}
      selected={tab}
      onSelect={select}
    >
      {tab === "unit" && view.you.unitId && <UnitTab unitId={view.you.unitId} />}
      {tab === "progress" && <ProgressTab />}
      {tab === "summary" && <SummaryEditor />}
      {tab === "scores" && <VerificationTab />}
      {tab === "ranking" && <RankingTab />}
      {tab === "conference" && <ConferenceTab />}
      {tab === "proposals" && <ProposalsTab />}
    </Tabs>
  );
}
