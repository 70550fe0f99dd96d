"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import type { FieldErrors, UseFormRegisterReturn } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
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
  return (
    <>
      <SelectField
        label={t("programme")}
        required
        placeholder={programmes.length === 1 ? undefined : t("programmePlaceholder")}
        options={programmes.map((p) => ({ value: String(p.id), label: p.name }))}
        error={errors.programmeId?.message}
        {...register("programmeId")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("ordinal")}
          hint={t("ordinalHint")}
          inputMode="numeric"
          autoComplete="off"
          required
          error={errors.ordinal?.message}
          {...register("ordinal")}
        />
        <TextField
          label={t("year")}
          hint={t("yearHint")}
          inputMode="numeric"
          autoComplete="off"
          required
          error={errors.year?.message}
          {...register("year")}
        />
      </div>
      <TextField
        label={t("budget")}
        hint={budgetHint ?? t("budgetHint")}
        inputMode="numeric"
        autoComplete="off"
        required
        error={errors.budget?.message}
        {...register("budget")}
      />
      <fieldset className="flex flex-col gap-3" aria-describedby={datesHintId}>
        <legend className="font-semibold">{t("datesLegend")}</legend>
        <p id={datesHintId} className="text-sm text-slate-700">
          {t("datesHint")}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label={t("opensOn")} type="date" error={errors.opensOn?.message} {...register("opensOn")} />
          <TextField label={t("closesOn")} type="date" error={errors.closesOn?.message} {...register("closesOn")} />
          <TextField label={t("decisionOn")} type="date" error={errors.decisionOn?.message} {...register("decisionOn")} />
        </div>
      </fieldset>
      <TextAreaField
        label={t("criteria")}
        hint={t("criteriaHint")}
        error={errors.criteria?.message}
        {...register("criteria")}
      />
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
