"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button, buttonClasses } from "@/components/ui/button";
import { savedHref } from "@/components/ui/saved-notice";
import { ordinalInWords } from "@/lib/format/ordinal";
import { roundFormSchema, type RoundFormInput, type RoundFormValues } from "@/lib/rounds/schema";
import { createRoundAction } from "./actions";
import { RoundFields, type ProgrammeChoice } from "./round-fields";

export type NewRoundProgramme = ProgrammeChoice & { lastRound: { ordinal: number; year: number } | null };

export function NewRoundForm({ programmes, defaultValues }: { programmes: readonly NewRoundProgramme[]; defaultValues: RoundFormInput }) {
  const t = useTranslations("roundAdmin");
  const router = useRouter();
  const confirmId = useId();
  const form = useForm<RoundFormInput, unknown, RoundFormValues>({ resolver: zodResolver(roundFormSchema), defaultValues });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const { onSubmit, failure, pending } = useActionSubmit(form, createRoundAction, (data) =>
    router.push(savedHref(`/omgangar/${data.id}`, "omgang-skapad")),
  );

  // A programme whose last round is set asks before a round is added after it (the server refuses it unconfirmed).
  const programmeId = useWatch({ control, name: "programmeId" });
  const ordinal = Number(useWatch({ control, name: "ordinal" }));
  const lastRound = programmes.find((p) => String(p.id) === String(programmeId))?.lastRound ?? null;
  const afterLast = lastRound !== null && (!Number.isInteger(ordinal) || ordinal > lastRound.ordinal);
  const confirmError = errors.confirmAfterLast?.message;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} />
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <RoundFields register={register} errors={errors} programmes={programmes} />
      {afterLast || confirmError ? (
        <div className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          {lastRound ? (
            <p id={`${confirmId}-warning`} className="mb-3">
              {t("afterLastWarning", { ordinal: ordinalInWords(lastRound.ordinal), number: lastRound.ordinal, year: lastRound.year })}
            </p>
          ) : null}
          <div className="flex items-start gap-3">
            <input
              id={confirmId}
              type="checkbox"
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={[lastRound ? `${confirmId}-warning` : "", confirmError ? `${confirmId}-error` : ""].filter(Boolean).join(" ") || undefined}
              className="mt-1 size-5 accent-brand-700"
              {...register("confirmAfterLast")}
            />
            <div>
              <label htmlFor={confirmId} className="font-medium">
                {t("confirmAfterLast")}
              </label>
              {confirmError ? (
                <p id={`${confirmId}-error`} className="text-sm font-medium text-red-800">
                  {confirmError}
                </p>
              ) : null}
            </div>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        <Link href="/" className={buttonClasses("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
