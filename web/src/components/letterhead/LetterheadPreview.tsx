import { defaultNumbers, type Letterhead } from "@thidua/core/document/letterhead";
import { useTranslation } from "react-i18next";

const upper = (text: string) => text.toLocaleUpperCase("vi");

/**
 * How the header and the signature of the province's documents read with this letterhead (Nghị định
 * 30/2020/NĐ-CP): the issuing body top left with the number line, the national title and motto top right
 * with the place and date, the signer bottom right. A sketch of the layout, not the document itself.
 */
export function LetterheadPreview({ letterhead }: { letterhead: Letterhead }) {
  const { t } = useTranslation();
  const number = (letterhead.numbers.minutes ?? defaultNumbers.minutes).replace("{n}", "01").replace("{year}", "");
  const { signer, issuer } = letterhead;
  return (
    <figure className="letterhead-preview" aria-label={t("letterhead.preview")}>
      <figcaption>{t("letterhead.preview")}</figcaption>
      <div className="letterhead-sheet">
        <div className="letterhead-top">
          <div className="letterhead-issuer">
            {issuer.parent && <p>{upper(issuer.parent)}</p>}
            <p className="strong">{upper(issuer.body)}</p>
            <hr />
            <p>Số: {number}</p>
          </div>
          <div className="letterhead-nation">
            <p className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="strong">Độc lập - Tự do - Hạnh phúc</p>
            <hr />
            <p className="italic">{`${letterhead.place}, ngày 01 tháng 12 năm ${new Date().getFullYear()}`}</p>
          </div>
        </div>
        <p className="letterhead-title strong">BIÊN BẢN KIỂM PHIẾU</p>
        <div className="letterhead-signer">
          {signer.authority && <p className="strong">{upper(signer.authority)}</p>}
          <p className="strong">{upper(signer.title)}</p>
          <p className="letterhead-name strong">{signer.name ?? t("letterhead.nameByHand")}</p>
        </div>
      </div>
    </figure>
  );
}
