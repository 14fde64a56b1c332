import { useTranslation } from "react-i18next";
import type { LineDraft } from "./sheetDraft.ts";

const MAX_LINKS = 10;
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** Evidence as web addresses (a document already online): address and an optional title, added and removed. */
export function LinksEditor({
  base,
  lineName,
  links,
  onChange,
  error,
}: {
  base: string;
  lineName: string;
  links: LineDraft["links"];
  onChange: (links: LineDraft["links"]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = (index: number, part: "url" | "title") => `${base}-link-${index}-${part}`;
  return (
    <div className="links-editor">
      {links.map((link, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: links have no identity but their place
          <div key={index} className="link-row">
            <div className="field">
              <label htmlFor={id(index, "url")}>
                {t("scores.sheet.linkUrl", { number: n })}
                <span className="visually-hidden"> {lineName}</span>
              </label>
              <input
                id={id(index, "url")}
                type="url"
                inputMode="url"
                placeholder="https://"
                value={link.url}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange(links.map((l, i) => (i === index ? { ...l, url: e.target.value } : l)))}
              />
            </div>
            <div className="field">
              <label htmlFor={id(index, "title")}>
                {t("scores.sheet.linkTitle", { number: n })}
                <span className="visually-hidden"> {lineName}</span>
              </label>
              <input
                id={id(index, "title")}
                value={link.title}
                maxLength={200}
                onChange={(e) => onChange(links.map((l, i) => (i === index ? { ...l, title: e.target.value } : l)))}
              />
            </div>
            <button
              type="button"
              className="button-icon button-icon-danger"
              aria-label={t("scores.sheet.removeLink", { number: n, line: lineName })}
              title={t("scores.sheet.removeLink", { number: n, line: lineName })}
              onClick={() => {
                onChange(links.filter((_, i) => i !== index));
                focusLater(links.length > 1 ? id(Math.max(0, index - 1), "url") : `${base}-add-link`);
              }}
            >
              ×
            </button>
          </div>
        );
      })}
      {error && <p className="field-error">{error}</p>}
      {links.length < MAX_LINKS && (
        <button
          id={`${base}-add-link`}
          type="button"
          className="button-text"
          onClick={() => {
            onChange([...links, { url: "", title: "" }]);
            focusLater(id(links.length, "url"));
          }}
        >
          + {t("scores.sheet.addLink")}
          <span className="visually-hidden"> {lineName}</span>
        </button>
      )}
    </div>
  );
}
