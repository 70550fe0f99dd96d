"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

/**
 * A refusal no field can show (someone else decided first, the round closed): kept here and focused above the form
 * each time it is shown, so it is both read out and seen.
 */
export function useFormRefusal() {
  const [refusal, setRefusal] = useState<{ message: string; n: number } | null>(null);
  return {
    refusal,
    show: (message: string) => setRefusal((previous) => ({ message, n: (previous?.n ?? 0) + 1 })),
    clear: () => setRefusal(null),
  };
}

/**
 * The frame of the decision panel's forms (decide, change, withdraw): a heading that names the form (focused when
 * the form replaced the button that opened it), the refusal above the fields in the visitor's language, and the
 * submit and cancel buttons.
 */
export function DecisionFormFrame({
  heading,
  focusHeading,
  refusal,
  onSubmit,
  submitLabel,
  submitVariant = "primary",
  pending,
  onCancel,
  children,
}: {
  heading: string;
  focusHeading: boolean;
  refusal: ReturnType<typeof useFormRefusal>["refusal"];
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  submitVariant?: "primary" | "danger";
  pending: boolean;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("decision");
  const locale = toLocale(useLocale());
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
  }, [focusHeading]);
  // Each refusal, the same message again included, takes focus.
  useEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="flex max-w-2xl flex-col gap-5 rounded-md border border-slate-300 p-4">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {heading}
      </h3>
      {refusal ? (
        <div ref={refusalRef} tabIndex={-1}>
          <Alert tone="error">{translateValidationMessage(refusal.message, locale)}</Alert>
        </div>
      ) : null}
      {children}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant={submitVariant} disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** A message under a control that is not a FieldShell (a radio group, a checkbox), in the visitor's language. */
export function FieldMessage({ id, message, className = "text-sm font-medium text-red-800" }: { id: string; message: string | undefined; className?: string }) {
  const locale = toLocale(useLocale());
  if (!message) return null;
  return (
    <p id={id} className={className}>
      {translateValidationMessage(message, locale)}
    </p>
  );
}
