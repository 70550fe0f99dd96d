"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { ActionResult } from "@/lib/actions";
import type { PressTargetKind } from "@/lib/enums";
import { generateReleaseSchema } from "@/lib/press/release-schema";

type Values = { templateId: string; targetKind: PressTargetKind; roundId: string; countyCode: string; applicationId: string };

type Props = {
  templates: { id: number; name: string; targetKind: PressTargetKind }[];
  rounds: { id: number; label: string }[];
  counties: { code: string; name: string }[];
  /** The granted applications of the chosen round (the page reloads them when the round changes). */
  applications: { id: number; label: string }[];
  defaults: Values;
  action: (values: never) => Promise<ActionResult<{ id: number }>>;
};

/** Chooses a template and what it is about, and makes a draft from the decision data. */
export function GenerateReleaseForm({ templates, rounds, counties, applications, defaults, action }: Props) {
  const t = useTranslations("press");
  const router = useRouter();
  const pathname = usePathname();
  const form = useForm<Values>({ resolver: zodResolver(generateReleaseSchema) as unknown as Resolver<Values>, defaultValues: defaults });
  const { register, control, setValue, formState } = form;
  const { onSubmit, failure, pending } = useActionSubmit(form, (values) => action(values as never), (data) => router.push(`/press/${data.id}?skapad=1`));
  const templateId = useWatch({ control, name: "templateId" });
  const kind = templates.find((tpl) => String(tpl.id) === String(templateId))?.targetKind ?? "round";
  const roundField = register("roundId");

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} />
      <SelectField
        label={t("template")}
        options={templates.map((tpl) => ({ value: String(tpl.id), label: tpl.name }))}
        error={formState.errors.templateId?.message}
        {...register("templateId", { onChange: (e) => setValue("targetKind", templates.find((tpl) => String(tpl.id) === e.target.value)?.targetKind ?? "round") })}
      />
      <input type="hidden" {...register("targetKind")} />
      <SelectField
        label={t("round")}
        options={rounds.map((r) => ({ value: String(r.id), label: r.label }))}
        error={formState.errors.roundId?.message}
        hint={t("roundHint")}
        {...roundField}
        onChange={(e) => {
          void roundField.onChange(e);
          router.replace(`${pathname}?omgang=${e.target.value}&mall=${templateId}`, { scroll: false });
        }}
      />
      {kind === "county" ? (
        <SelectField
          label={t("county")}
          placeholder={t("chooseCounty")}
          options={counties.map((c) => ({ value: c.code, label: c.name }))}
          error={formState.errors.countyCode?.message}
          hint={counties.length === 0 ? t("noGrantsInRound") : undefined}
          {...register("countyCode")}
        />
      ) : null}
      {kind === "recipient" ? (
        <SelectField
          label={t("recipient")}
          placeholder={t("chooseRecipient")}
          options={applications.map((a) => ({ value: String(a.id), label: a.label }))}
          error={formState.errors.applicationId?.message}
          hint={applications.length === 0 ? t("noGrantsInRound") : undefined}
          {...register("applicationId")}
        />
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("generating") : t("generate")}
        </Button>
      </div>
    </form>
  );
}
