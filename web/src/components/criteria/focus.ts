import { useCallback, useEffect, useRef } from "react";

/**
 * Focus an element by id after the next render: moving or removing a row re-renders the list, and the
 * keyboard should stay with the row (or land somewhere sensible), not fall back to the page.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((id: string) => {
    pending.current = id;
  }, []);
}

/** A number input's value: empty while the number is unset (NaN). */
export const numberValue = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? "" : String(x));
export const parseNumber = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));
