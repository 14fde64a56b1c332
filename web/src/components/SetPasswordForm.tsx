import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client.ts";
import { fieldsOf, useCodeMessage, useErrorMessage } from "../i18n/errors.ts";
import { ErrorAlert } from "./ErrorAlert.tsx";
import { Field } from "./Field.tsx";

interface SetPasswordFormProps<T> {
  /** The account's address, for password managers (a hidden username field). */
  email: string;
  submitLabel: string;
  /** Sends the new password (and the current one when `current` asks for it). */
  save: (password: string, current: string) => Promise<T>;
  onSaved: (result: T) => void;
  /** Asks for the current password first (a change, not a first password). */
  current?: boolean;
  idPrefix: string;
  /** Told at each submit, before anything is checked (to clear an earlier success). */
  onAttempt?: () => void;
  /** Takes the keyboard when shown (a page that is only this form), the default. */
  autoFocus?: boolean;
  children?: ReactNode;
}

/**
 * A new password typed twice, checked against the policy by the API, whose reason for refusing it
 * (too short, too common, like the email) is said under the field.
 */
export function SetPasswordForm<T>({
  email,
  submitLabel,
  save,
  onSaved,
  current = false,
  idPrefix,
  onAttempt,
  autoFocus = true,
  children,
}: SetPasswordFormProps<T>) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const codeMessage = useCodeMessage();
  const [oldPassword, setOldPassword] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  /** The policy's refusal found before sending (the API or Cognito checks again), or `current` missing. */
  const [problem, setProblem] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () => save(password, oldPassword),
    onSuccess: (result) => {
      setOldPassword("");
      setPassword("");
      setRepeat("");
      onSaved(result);
    },
  });

  useEffect(() => {
    if (autoFocus) firstRef.current?.focus();
  }, [autoFocus]);

  // Checking the policy takes a moment before the request starts: a second click meanwhile sends nothing.
  const checking = useRef(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking.current || mutation.isPending) return;
    const differs = password !== repeat;
    setMismatch(differs);
    onAttempt?.();
    if (current && !oldPassword) {
      setProblem("current");
      return;
    }
    if (differs) return;
    // The policy and its list of common passwords load only when someone sets a password.
    checking.current = true;
    const found = await import("@thidua/core/identity/rules")
      .then(({ passwordProblem }) =>
        current && password === oldPassword ? "password.same_as_current" : passwordProblem(password, email),
      )
      .catch(() => undefined) // not loaded: the server's check still applies
      .finally(() => {
        checking.current = false;
      });
    setProblem(found ?? null);
    if (!found) mutation.mutate();
  };

  const fields = fieldsOf(mutation.error);
  const fieldMessage = (path: string) => (fields[path] ? codeMessage(fields[path]) : undefined);
  const newError =
    problem && problem !== "current" ? codeMessage(problem) : (fieldMessage("password") ?? fieldMessage("newPassword"));
  // Cognito proves the current password by a sign-in, whose refusal says "wrong credentials".
  const currentError =
    (problem === "current" ? t("changePassword.currentRule") : undefined) ??
    fieldMessage("currentPassword") ??
    (current && isApiError(mutation.error, "auth.invalid_credentials")
      ? t("errors.password.wrong_current")
      : undefined);
  const formError =
    mutation.isError && !newError && !currentError && !isApiError(mutation.error, "request.invalid")
      ? describe(mutation.error)
      : undefined;

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {formError && <ErrorAlert message={formError} />}
      {children}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {current && (
        <Field
          ref={firstRef}
          id={`${idPrefix}-current`}
          label={t("changePassword.current")}
          type="password"
          autoComplete="current-password"
          required
          value={oldPassword}
          error={currentError}
          onChange={(e) => {
            setOldPassword(e.target.value);
            setProblem(null);
          }}
        />
      )}
      <Field
        ref={current ? undefined : firstRef}
        id={`${idPrefix}-password`}
        label={t("passwordForm.password")}
        hint={t("passwordForm.hint")}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        error={newError}
        onChange={(e) => {
          setPassword(e.target.value);
          setProblem(null);
        }}
      />
      <Field
        id={`${idPrefix}-confirm`}
        label={t("passwordForm.confirm")}
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        error={mismatch ? t("passwordForm.mismatch") : undefined}
        onChange={(e) => setRepeat(e.target.value)}
      />
      <button type="submit" className="button-primary" disabled={mutation.isPending} aria-busy={mutation.isPending}>
        {mutation.isPending ? t("form.saving") : submitLabel}
      </button>
    </form>
  );
}
