"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { DateField } from "@/components/ui/date-field";
import { fieldBinding } from "@/components/ui/field-binding";
import { NumberField } from "@/components/ui/number-field";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { RoundFormInput } from "@/lib/rounds/schema";

export type ProgrammeChoice = { id: number; name: string };
export type RoundFieldName = Exclude<keyof RoundFormInput & string, "confirmAfterLast">;

/**
 * The fields of a round, shared by the new-round form and the edit form (both register the same names; the edit
 * form adds its hidden roundId and version).
 */
export function RoundFields({
  register,
  errors,
  programmes,
  budgetHint,
}: {
  /** react-hook-form's register(), from a form over the round's fields or more. */
  register: (name: RoundFieldName) => UseFormRegisterReturn<RoundFieldName>;
  errors: FieldErrors<RoundFormInput>;
  programmes: readonly ProgrammeChoice[];
  budgetHint?: string;
}) {
  const t = useTranslations("roundAdmin");
  const isLastId = useId();
  const datesHintId = useId();
  const bind = fieldBinding(register, errors);
  return (
    <>
      <SelectField
        label={t("programme")}
        required
        placeholder={programmes.length === 1 ? undefined : t("programmePlaceholder")}
        options={programmes.map((p) => ({ value: String(p.id), label: p.name }))}
        {...bind("programmeId")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField label={t("ordinal")} hint={t("ordinalHint")} required {...bind("ordinal")} />
        <NumberField label={t("year")} hint={t("yearHint")} required {...bind("year")} />
      </div>
      <NumberField label={t("budget")} hint={budgetHint ?? t("budgetHint")} required {...bind("budget")} />
      <fieldset className="flex flex-col gap-3" aria-describedby={datesHintId}>
        <legend className="font-semibold">{t("datesLegend")}</legend>
        <p id={datesHintId} className="text-sm text-slate-700">
          {t("datesHint")}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <DateField label={t("opensOn")} {...bind("opensOn")} />
          <DateField label={t("closesOn")} {...bind("closesOn")} />
          <DateField label={t("decisionOn")} {...bind("decisionOn")} />
        </div>
      </fieldset>
      <TextAreaField label={t("criteria")} hint={t("criteriaHint")} {...bind("criteria")} />
      <div className="flex items-start gap-3">
        <input
          id={isLastId}
          type="checkbox"
          aria-describedby={`${isLastId}-hint`}
          className="mt-1 size-5 accent-brand-700"
          {...register("isLast")}
        />
        <div>
          <label htmlFor={isLastId} className="font-medium">
            {t("isLast")}
          </label>
          <p id={`${isLastId}-hint`} className="text-sm text-slate-700">
            {t("isLastHint")}
          </p>
        </div>
      </div>
    </>
  );
}
