"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { roundFormSchema, type RoundFormInput, type RoundFormValues } from "@/lib/rounds/schema";
import { createRoundAction } from "./actions";
import { RoundFields, type ProgrammeChoice } from "./round-fields";

export function NewRoundForm({ programmes, defaultValues }: { programmes: readonly ProgrammeChoice[]; defaultValues: RoundFormInput }) {
  const t = useTranslations("roundAdmin");
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<RoundFormInput, unknown, RoundFormValues>({ resolver: zodResolver(roundFormSchema), defaultValues });

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await createRoundAction(values);
      if (result.ok) {
        router.push(`/omgangar/${result.data.id}`);
        return;
      }
      setFormError(result.formError);
      const first = applyServerErrors(setError, result);
      if (first) setFocus(first);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <RoundFields register={register} errors={errors} programmes={programmes} />
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
