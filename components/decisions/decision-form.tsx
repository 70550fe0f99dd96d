"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import { changeDecisionSchema, recordDecisionSchema, type ChangeDecisionFormInput, type RecordDecisionFormInput } from "@/lib/decisions/schema";
import { parseKronor } from "@/lib/format/amount";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { DecisionFormFrame, FieldMessage, useFormRefusal } from "./decision-form-frame";

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
  const f = uiFormat(toLocale(useLocale()));
  const [pending, startTransition] = useTransition();
  const refusal = useFormRefusal();
  const outcomeErrorId = useId();
  const confirmErrorId = useId();
  const confirmHintId = useId();

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
      refusal.clear();
      startTransition(async () => {
        const result =
          props.mode === "change" ? await props.action(values as unknown as ChangeDecisionFormInput) : await props.action(values);
        if (result.ok) {
          onSaved(
            mode === "change"
              ? t("changed")
              : result.data.outcome === "approved"
                ? t("savedApproved", { amount: f.amount(result.data.grantedAmount) })
                : t("savedRejected"),
          );
          return;
        }
        const first = applyServerErrors(setError, result);
        if (first && VISIBLE_FIELDS.has(first)) {
          setFocus(first);
        } else {
          // A refusal no field can show (someone else decided first, the round closed): above the form, focused.
          refusal.show(result.formError);
        }
      });
    },
    () => refusal.clear(),
  );

  const left = Math.max(0, budgetLeft);
  const hint =
    current > 0
      ? t("budgetLeftWithCurrent", { left: f.amount(left), max: f.amount(left + current) })
      : t("budgetLeft", { left: f.amount(left) });

  return (
    <DecisionFormFrame
      heading={mode === "change" ? t("changeHeading") : t("createHeading")}
      // Opening "Ändra beslut" replaces the button that was clicked: focus goes to the form's heading, not to the page.
      focusHeading={mode === "change"}
      refusal={refusal.refusal}
      onSubmit={onSubmit}
      submitLabel={mode === "change" ? t("saveChange") : t("save")}
      pending={pending}
      onCancel={props.onCancel}
    >
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
        <FieldMessage id={outcomeErrorId} message={errors.outcome?.message} />
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
            {t("confirmOverRequest", { requested: f.amount(requestedAmount) })}
          </label>
          <p id={confirmHintId} className="text-sm text-slate-700">
            {t("confirmOverRequestHint")}
          </p>
          <FieldMessage id={confirmErrorId} message={errors.confirmOverRequest?.message} />
        </div>
      ) : null}
      <TextAreaField label={t("motivation")} hint={t("motivationHint")} required error={errors.motivation?.message} {...register("motivation")} />
      <TextField label={t("decidedOn")} type="date" required max={today} className="max-w-xs" error={errors.decidedOn?.message} {...register("decidedOn")} />
      {mode === "change" ? (
        <TextAreaField label={t("changeReason")} hint={t("changeReasonHint")} required rows={3} error={errors.reason?.message} {...register("reason")} />
      ) : null}
    </DecisionFormFrame>
  );
}

/** "1200000" as "1 200 000", the way the amount is read and typed (the schema accepts the spaces). */
function groupDigits(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
