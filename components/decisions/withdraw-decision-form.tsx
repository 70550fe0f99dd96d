"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { ActionResult } from "@/lib/actions";
import { withdrawDecisionSchema, type WithdrawDecisionFormInput } from "@/lib/decisions/schema";
import { DecisionFormFrame, useFormRefusal } from "./decision-form-frame";

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
  const refusal = useFormRefusal();
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
      refusal.clear();
      startTransition(async () => {
        const result = await action(values);
        if (result.ok) {
          onSaved(t("withdrawn"));
          return;
        }
        if (applyServerErrors(setError, result) === "reason") setFocus("reason");
        else refusal.show(result.formError);
      });
    },
    () => refusal.clear(),
  );

  return (
    <DecisionFormFrame
      heading={t("withdrawHeading")}
      focusHeading
      refusal={refusal.refusal}
      onSubmit={onSubmit}
      submitLabel={t("confirmWithdraw")}
      submitVariant="danger"
      pending={pending}
      onCancel={onCancel}
    >
      <TextAreaField label={t("withdrawReason")} hint={t("withdrawReasonHint")} required rows={3} error={errors.reason?.message} {...register("reason")} />
    </DecisionFormFrame>
  );
}
