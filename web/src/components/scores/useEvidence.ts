import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { isStale } from "../../api/client.ts";
import { type CycleView, cycleKeys, type Participation } from "../../api/cycle.ts";
import { attachEvidence, evidenceUrl, removeEvidence, requestUpload, uploadFile } from "../../api/evidence.ts";
import { showPart } from "../../api/scores.ts";
import { useRefreshOnConflict, useYearScope } from "../cycle/YearContext.tsx";
import { contentTypeOf } from "./evidenceCheck.ts";

/** The member's version as last seen: read when a write is sent, since an upload takes its time. */
function useLatestVersion(unitId: string) {
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  return () =>
    queryClient.getQueryData<CycleView>(cycleKeys.cycle(blocId, year))?.participations.find((p) => p.unitId === unitId)
      ?.version ?? 0;
}

/**
 * Uploads one evidence file of a line: an upload URL from the API, the bytes straight to storage with
 * progress, then the file attached (checked by its content). An attach that meets a newer version (a save
 * meanwhile) reads the year again and tries once more.
 */
export function useEvidenceUpload(unitId: string, lineId: string) {
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const latest = useLatestVersion(unitId);
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: async (file: File): Promise<Participation> => {
      const contentType = contentTypeOf(file);
      if (!contentType) throw new Error("checked before");
      const { fileId, upload } = await requestUpload(blocId, year, unitId, {
        lineId,
        fileName: file.name,
        contentType,
        size: file.size,
      });
      setProgress(0);
      await uploadFile(upload, file, setProgress);
      const attach = () =>
        attachEvidence(blocId, year, unitId, fileId, { lineId, fileName: file.name, version: latest() });
      try {
        return await attach();
      } catch (error) {
        if (!isStale(error)) throw error;
        await queryClient.refetchQueries({ queryKey: cycleKeys.cycle(blocId, year) });
        return attach();
      }
    },
    onSuccess: (part) => showPart(queryClient, blocId, year, part),
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

export function useEvidenceRemove(unitId: string) {
  const { blocId, year } = useYearScope();
  const queryClient = useQueryClient();
  const latest = useLatestVersion(unitId);
  const refresh = useRefreshOnConflict(blocId, year);
  return useMutation({
    mutationFn: (fileId: string) => removeEvidence(blocId, year, unitId, fileId, latest()),
    onSuccess: (part) => showPart(queryClient, blocId, year, part),
    onError: refresh,
  });
}

/** Opens a short-lived download URL: storage answers it as an attachment under the file's own name. */
export function useEvidenceDownload(unitId: string) {
  const { blocId, year } = useYearScope();
  return useMutation({
    mutationFn: async (fileId: string) => {
      const { url } = await evidenceUrl(blocId, year, unitId, fileId);
      const link = document.createElement("a");
      link.href = url;
      link.rel = "noopener";
      document.body.append(link);
      link.click();
      link.remove();
    },
  });
}
