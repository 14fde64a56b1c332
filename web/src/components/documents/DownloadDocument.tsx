import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isApiError } from "../../api/client.ts";
import { createDocument, type DocumentKind, followDownload, previewDocument } from "../../api/documents.ts";
import { useElapsedSeconds } from "../../hooks/useElapsedSeconds.ts";
import { useErrorMessage } from "../../i18n/errors.ts";
import { canOpen, pages } from "../../navigation.ts";
import { useActor } from "../../session/session.tsx";
import { useYearScope } from "../cycle/YearContext.tsx";
import { Dialog } from "../Dialog.tsx";
import { ErrorAlert } from "../ErrorAlert.tsx";
import { Loading } from "../Loading.tsx";

/**
 * Buttons that have the API draw the year's document: a preview (the same content as an HTML page, in a
 * dialog) and the download; busy while drawing, errors translated, a missing letterhead linked to its page.
 */
export function DownloadDocument({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const [previewing, setPreviewing] = useState(false);
  const download = useMutation({
    mutationFn: async () => {
      const made = await createDocument(blocId, year, kind);
      followDownload(made.url, made.fileName);
    },
  });
  const name = t(`documents.names.${kind}`);
  const seconds = useElapsedSeconds(download.isPending);
  const button = (
    <button
      type="button"
      className="button-secondary"
      disabled={download.isPending}
      aria-busy={download.isPending}
      onClick={() => download.mutate()}
    >
      {download.isPending
        ? // A file drawn in a second needs no count; a slow one (a large year, a cold function) shows time passing.
          seconds >= 2
          ? t("documents.preparingFor", { seconds })
          : t("documents.preparing")
        : t(`documents.download.${kind}`)}
    </button>
  );
  const failed = download.isError && <DocumentError error={download.error} />;
  return (
    <span className="document-actions">
      <button
        type="button"
        className="button-secondary"
        aria-label={t("documents.previewOf", { name })}
        onClick={() => setPreviewing(true)}
      >
        {t("documents.preview")}
      </button>
      {button}
      {!previewing && failed}
      {previewing && (
        <Dialog title={t("documents.previewTitle", { name })} onClose={() => setPreviewing(false)} wide>
          <Preview kind={kind} name={name} />
          {failed}
          <div className="button-row">{button}</div>
        </Dialog>
      )}
    </span>
  );
}

/** The document as an HTML page in a sandboxed frame: no script runs, nothing reaches the dashboard. */
function Preview({ kind, name }: { kind: DocumentKind; name: string }) {
  const { t } = useTranslation();
  const { blocId, year } = useYearScope();
  const preview = useQuery({
    queryKey: ["document-preview", blocId, year, kind],
    queryFn: () => previewDocument(blocId, year, kind),
    // Drawn from the data as it is now, each time the dialog opens.
    gcTime: 0,
    retry: false,
  });
  if (preview.isPending) return <Loading label={t("documents.previewLoading")} />;
  if (preview.isError) return <DocumentError error={preview.error} />;
  return (
    <iframe
      className="document-preview"
      title={t("documents.previewFrame", { name })}
      sandbox=""
      srcDoc={preview.data.html}
    />
  );
}

/** Why a document could not be drawn, translated; the board is pointed to the letterhead page when it lacks one. */
function DocumentError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const { role } = useActor();
  return (
    <>
      <ErrorAlert message={describe(error)} />
      {isApiError(error, "document.no_letterhead") && canOpen(pages.letterhead, role) && (
        <Link to={pages.letterhead.path}>{t("letterhead.open")}</Link>
      )}
    </>
  );
}
