"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button, buttonClasses } from "@/components/ui/button";
import { savedHref } from "@/components/ui/saved-notice";
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
  const form = useForm<UpdateRoundInput, unknown, UpdateRoundValues>({ resolver: zodResolver(updateRoundSchema), defaultValues });
  const {
    register,
    formState: { errors },
  } = form;
  const roundPath = `/omgangar/${String(defaultValues.roundId)}`;
  const { onSubmit, failure, pending } = useActionSubmit(form, updateRoundAction, (data) =>
    router.push(savedHref(`/omgangar/${data.id}`, "omgang-andrad")),
  );

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} reload={{ href: `${roundPath}/redigera`, label: t("reload") }} />
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
