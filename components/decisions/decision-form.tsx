"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import { changeDecisionSchema, recordDecisionSchema, type ChangeDecisionFormInput, type RecordDecisionFormInput } from "@/lib/decisions/schema";
import { formatKronor, parseKronor } from "@/lib/format/amount";

export type CurrentDecision = {
  outcome: "approved" | "rejected";
  grantedAmount: number;
  motivation: string;
  decidedOn: string;
  version: number;
};

/** What the server saved, for the confirmation. */
export type DecisionSavedData = { outcome: "approved" | "rejected"; grantedAmount: number };

type Values = RecordDecisionFormInput & { reason?: string };

type Props = {
  applicationId: number;
  requestedAmount: number;
  budgetLeft: number;
  today: string;
  onSaved: (confirmation: string) => void;
} & (
  | { mode: "create"; decision: null; action: (values: RecordDecisionFormInput) => Promise<ActionResult<DecisionSavedData>>; onCancel?: undefined }
  | { mode: "change"; decision: CurrentDecision; action: (values: ChangeDecisionFormInput) => Promise<ActionResult<DecisionSavedData>>; onCancel: () => void }
);

const VISIBLE_FIELDS = new Set(["outcome", "grantedAmount", "confirmOverRequest", "motivation", "decidedOn", "reason"]);

/**
 * Makes a decision, or changes the current one (then with a reason). The same zod schema checks it here and on the
 * server; what only the server can know (the budget left now, a decision made meanwhile) comes back as a message at
 * the amount field or above the form.
 */
export function DecisionForm(props: Props) {
  const { mode, applicationId, requestedAmount, budgetLeft, today, decision, onSaved } = props;
  const t = useTranslations("decision");
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [focusAlert, setFocusAlert] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const outcomeErrorId = useId();
  const confirmErrorId = useId();
  const confirmHintId = useId();

  useEffect(() => {
    if (focusAlert) errorRef.current?.focus();
  }, [focusAlert]);
  // Opening "Ändra beslut" replaces the button that was clicked: focus goes to the form's heading, not to the page.
  useEffect(() => {
    if (mode === "change") headingRef.current?.focus();
  }, [mode]);

  const current = decision?.outcome === "approved" ? decision.grantedAmount : 0;
  const schema = mode === "change" ? changeDecisionSchema : recordDecisionSchema;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(schema as typeof recordDecisionSchema),
    defaultValues: {
      applicationId,
      expectedVersion: decision?.version,
      outcome: decision?.outcome,
      // Never the requested amount: the officer types what is granted (no one-click approval of the full request).
      grantedAmount: decision?.outcome === "approved" ? groupDigits(decision.grantedAmount) : "",
      confirmOverRequest: decision?.outcome === "approved" && decision.grantedAmount > requestedAmount,
      motivation: decision?.motivation ?? "",
      decidedOn: decision?.decidedOn ?? today,
      ...(mode === "change" ? { reason: "" } : {}),
    },
  });
  const approved = useWatch({ control, name: "outcome" }) === "approved";
  const typedAmount = parseKronor(String(useWatch({ control, name: "grantedAmount" }) ?? ""));
  const overRequest = approved && typedAmount !== null && typedAmount > requestedAmount;

  const onSubmit = handleSubmit(
    (values) => {
      setFormError(null);
      startTransition(async () => {
        const result =
          props.mode === "change" ? await props.action(values as unknown as ChangeDecisionFormInput) : await props.action(values);
        if (result.ok) {
          onSaved(
            mode === "change"
              ? t("changed")
              : result.data.outcome === "approved"
                ? t("savedApproved", { amount: formatKronor(result.data.grantedAmount) })
                : t("savedRejected"),
          );
          return;
        }
        const first = applyServerErrors(setError, result);
        if (first && VISIBLE_FIELDS.has(first)) {
          setFocus(first);
        } else {
          // A refusal no field can show (someone else decided first, the round closed): above the form, focused.
          setFormError(result.formError);
          setFocusAlert((n) => n + 1);
        }
      });
    },
    () => setFormError(null),
  );

  const left = Math.max(0, budgetLeft);
  const hint =
    current > 0
      ? t("budgetLeftWithCurrent", { left: formatKronor(left), max: formatKronor(left + current) })
      : t("budgetLeft", { left: formatKronor(left) });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={headingId} className="flex max-w-2xl flex-col gap-5 rounded-md border border-slate-300 p-4">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {mode === "change" ? t("changeHeading") : t("createHeading")}
      </h3>
      {formError ? (
        <div ref={errorRef} tabIndex={-1}>
          <Alert tone="error">{formError}</Alert>
        </div>
      ) : null}

      <fieldset aria-describedby={errors.outcome ? outcomeErrorId : undefined} className="flex flex-col gap-2">
        <legend className="mb-1 font-medium">
          {t("outcome")}
          <span aria-hidden="true"> *</span>
        </legend>
        {(["approved", "rejected"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-3">
            <input type="radio" value={value} className="size-5" {...register("outcome")} />
            {t(value)}
          </label>
        ))}
        {errors.outcome?.message ? (
          <p id={outcomeErrorId} className="text-sm font-medium text-red-800">
            {errors.outcome.message}
          </p>
        ) : null}
      </fieldset>

      {approved ? (
        <TextField
          label={t("grantedAmount")}
          hint={hint}
          required
          inputMode="numeric"
          autoComplete="off"
          error={errors.grantedAmount?.message}
          {...register("grantedAmount")}
        />
      ) : null}
      {overRequest ? (
        <div className="flex flex-col gap-1">
          <label className="flex min-h-11 items-center gap-3">
            <input
              type="checkbox"
              className="size-5 shrink-0"
              aria-invalid={errors.confirmOverRequest ? true : undefined}
              aria-describedby={errors.confirmOverRequest ? confirmErrorId : confirmHintId}
              {...register("confirmOverRequest")}
            />
            {t("confirmOverRequest", { requested: formatKronor(requestedAmount) })}
          </label>
          <p id={confirmHintId} className="text-sm text-slate-700">
            {t("confirmOverRequestHint")}
          </p>
          {errors.confirmOverRequest?.message ? (
            <p id={confirmErrorId} className="text-sm font-medium text-red-800">
              {errors.confirmOverRequest.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextAreaField label={t("motivation")} hint={t("motivationHint")} required error={errors.motivation?.message} {...register("motivation")} />
      <TextField label={t("decidedOn")} type="date" required max={today} className="max-w-xs" error={errors.decidedOn?.message} {...register("decidedOn")} />
      {mode === "change" ? (
        <TextAreaField label={t("changeReason")} hint={t("changeReasonHint")} required rows={3} error={errors.reason?.message} {...register("reason")} />
      ) : null}

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : mode === "change" ? t("saveChange") : t("save")}
        </Button>
        {props.onCancel ? (
          <Button variant="secondary" onClick={props.onCancel} disabled={pending}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** "1200000" as "1 200 000", the way the amount is read and typed (the schema accepts the spaces). */
function groupDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
