import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

interface ConfirmButtonsProps {
  label: string;
  /** Shown while the action runs. */
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** A red button, for what takes something away. */
  danger?: boolean;
  /** Puts the keyboard on the confirm button when shown (a panel that replaced the button that asked). */
  autoFocus?: boolean;
}

/** The two buttons of a confirmation: do it (busy while it runs) and cancel. */
export function ConfirmButtons({
  label,
  pendingLabel,
  pending,
  onConfirm,
  onCancel,
  danger,
  autoFocus,
}: ConfirmButtonsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);
  return (
    <div className="button-row">
      <button
        ref={ref}
        type="button"
        className={danger ? "button-danger" : "button-primary"}
        disabled={pending}
        aria-busy={pending}
        onClick={onConfirm}
      >
        {pending ? pendingLabel : label}
      </button>
      <button type="button" className="button-secondary" onClick={onCancel}>
        {t("form.cancel")}
      </button>
    </div>
  );
}

/** An inline confirmation in place of the button that asked for it: what will happen, then the buttons. */
export function Confirmation({ id, message, ...buttons }: { id: string; message: ReactNode } & ConfirmButtonsProps) {
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={id}>
      <p id={id}>{message}</p>
      <ConfirmButtons autoFocus {...buttons} />
    </div>
  );
}
