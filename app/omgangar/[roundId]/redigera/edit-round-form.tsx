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
import type { ActionFailure } from "@/lib/actions";
import { updateRoundSchema, type UpdateRoundInput, type UpdateRoundValues } from "@/lib/rounds/schema";
import { RoundFields, type ProgrammeChoice } from "../../ny/round-fields";
import { updateRoundAction } from "./actions";

export function EditRoundForm({
  programmes,
  defaultValues,
  budgetHint,
}: {
  programmes: readonly ProgrammeChoice[];
  defaultValues: UpdateRoundInput;
  budgetHint: string;
}) {
  const t = useTranslations("roundAdmin");
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<UpdateRoundInput, unknown, UpdateRoundValues>({ resolver: zodResolver(updateRoundSchema), defaultValues });
  const roundPath = `/omgangar/${String(defaultValues.roundId)}`;

  const onSubmit = handleSubmit((values) => {
    setFailure(null);
    startTransition(async () => {
      const result = await updateRoundAction(values);
      if (result.ok) {
        router.push(`/omgangar/${result.data.id}`);
        return;
      }
      setFailure(result);
      const first = applyServerErrors(setError, result);
      if (first) setFocus(first);
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {failure ? (
        <Alert tone="error">
          {failure.formError}
          {failure.code === "conflict" ? (
            <>
              {" "}
              {/* A full load, so the form starts again from the saved round and its new version. */}
              <a href={`${roundPath}/redigera`} className="font-medium underline">
                {t("reload")}
              </a>
            </>
          ) : null}
        </Alert>
      ) : null}
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <input type="hidden" {...register("roundId")} />
      <input type="hidden" {...register("version")} />
      <RoundFields
        // The edit form has every field of the round form, plus its hidden roundId and version.
        register={(name) => register(name)}
        errors={errors}
        programmes={programmes}
        budgetHint={budgetHint}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Link href={roundPath} className={buttonClasses("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
