import { useTranslation } from "react-i18next";
import type { DemoAccount } from "../api/auth.ts";

/** The local runtime's demo accounts; picking one fills the sign-in form. */
export function DemoAccounts({
  accounts,
  password,
  onPick,
}: {
  accounts: DemoAccount[];
  password: string;
  onPick: (account: DemoAccount) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="demo" aria-labelledby="demo-title">
      <h2 id="demo-title">{t("signIn.demoTitle")}</h2>
      <p className="hint">{t("signIn.demoHint", { password })}</p>
      <ul className="demo-list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              className="demo-account"
              aria-label={t("signIn.demoChoose", { name: account.name })}
              onClick={() => onPick(account)}
            >
              <span className="demo-name">{account.name}</span>
              <span className="demo-meta">
                {t(`roles.${account.role}`)} · {account.email}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
