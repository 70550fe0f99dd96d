"use client";

import { useLocale } from "next-intl";
import { useId, type ReactNode } from "react";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

export type FieldIds = { controlId: string; describedBy: string | undefined; invalid: true | undefined };

/**
 * The frame every form control shares: a label tied to the control, an optional hint and an error, both announced
 * with the control (aria-describedby) so a screen reader hears the message at the field it belongs to. The schemas
 * write their messages in Swedish; the error is shown in the visitor's language (lib/i18n/validation.ts).
 */
export function FieldShell({
  label,
  name,
  id,
  hint,
  error,
  required,
  className = "",
  children,
}: {
  label: string;
  name: string;
  id?: string;
  hint?: string;
  error?: string;
  required?: boolean;
  className?: string;
  children: (ids: FieldIds) => ReactNode;
}) {
  const generated = useId();
  const locale = toLocale(useLocale());
  const shown = error ? translateValidationMessage(error, locale) : undefined;
  const controlId = id ?? `${name}-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={controlId} className="font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {children({ controlId, describedBy, invalid: error ? true : undefined })}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {shown}
        </p>
      ) : null}
    </div>
  );
}

export function borderFor(error: string | undefined): string {
  return error ? "border-red-700" : "border-slate-500";
}
