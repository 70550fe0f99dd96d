"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionResult } from "@/lib/actions";
import { withdrawDecisionSchema, type WithdrawDecisionFormInput } from "@/lib/decisions/schema";

type Props = {
  applicationId: number;
  version: number;
  action: (values: WithdrawDecisionFormInput) => Promise<ActionResult<undefined>>;
  onSaved: (confirmation: string) => void;
  onCancel: () => void;
};

/** Takes the current decision back, with a reason; the version the officer saw guards against a decision changed meanwhile. */
export function WithdrawDecisionForm({ applicationId, version, action, onSaved, onCancel }: Props) {
  const t = useTranslations("decision");
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [focusAlert, setFocusAlert] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (focusAlert) errorRef.current?.focus();
  }, [focusAlert]);
  useEffect(() => headingRef.current?.focus(), []);

  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<WithdrawDecisionFormInput>({
    resolver: zodResolver(withdrawDecisionSchema),
    defaultValues: { applicationId, expectedVersion: version, reason: "" },
  });

  const onSubmit = handleSubmit(
    (values) => {
      setFormError(null);
      startTransition(async () => {
        const result = await action(values);
        if (result.ok) {
          onSaved(t("withdrawn"));
          return;
        }
        const first = applyServerErrors(setError, result);
        if (first === "reason") {
          setFocus(first);
        } else {
          setFormError(result.formError);
          setFocusAlert((n) => n + 1);
        }
      });
    },
    () => setFormError(null),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="flex max-w-2xl flex-col gap-5 rounded-md border border-slate-300 p-4">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {t("withdrawHeading")}
      </h3>
      {formError ? (
        <div ref={errorRef} tabIndex={-1}>
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}
      <TextAreaField label={t("withdrawReason")} hint={t("withdrawReasonHint")} required rows={3} error={errors.reason?.message} {...register("reason")} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? t("saving") : t("confirmWithdraw")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
