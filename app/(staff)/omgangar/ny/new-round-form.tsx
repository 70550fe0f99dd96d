"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button, buttonClasses } from "@/components/ui/button";
import { roundFormSchema, type RoundFormInput, type RoundFormValues } from "@/lib/rounds/schema";
import { createRoundAction } from "./actions";
import { RoundFields, type ProgrammeChoice } from "./round-fields";

export function NewRoundForm({ programmes, defaultValues }: { programmes: readonly ProgrammeChoice[]; defaultValues: RoundFormInput }) {
  const t = useTranslations("roundAdmin");
  const router = useRouter();
  const form = useForm<RoundFormInput, unknown, RoundFormValues>({ resolver: zodResolver(roundFormSchema), defaultValues });
  const {
    register,
    formState: { errors },
  } = form;
  const { onSubmit, failure, pending } = useActionSubmit(form, createRoundAction, (data) => router.push(`/omgangar/${data.id}`));

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} />
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
