import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api/client.ts";
import { createDocument, type DocumentKind, followDownload } from "../../api/documents.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { canOpen, pages } from "../../navigation.ts";
import { useActor } from "../../session/session.tsx";
import { useYearScope } from "../cycle/YearContext.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";

/** A button that has the API draw the year's document and downloads it; busy while drawing, errors translated. */
export function DownloadDocument({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const describe = useErrorMessage();
  const { role } = useActor();
  const download = useMutation({
    mutationFn: async () => {
      const made = await createDocument(blocId, year, kind);
      followDownload(made.url, made.fileName);
    },
  });
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={download.isPending}
        aria-busy={download.isPending}
        onClick={() => download.mutate()}
      >
        {download.isPending ? t("documents.preparing") : t(`documents.download.${kind}`)}
      </button>
      {download.isError && <ErrorAlert message={describe(download.error)} />}
      {isApiError(download.error, "document.no_letterhead") && canOpen(pages.letterhead, role) && (
        <Link to={pages.letterhead.path}>{t("letterhead.open")}</Link>
      )}
    </>
  );
}
