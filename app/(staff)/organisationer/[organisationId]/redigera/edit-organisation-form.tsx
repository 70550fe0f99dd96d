"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { ORGANISATION_KINDS } from "@/lib/enums";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import {
  updateOrganisationSchema,
  type UpdateOrganisationInput,
  type UpdateOrganisationValues,
} from "@/lib/organisations/schema";
import { updateOrganisationAction } from "../../actions";


export function EditOrganisationForm({
  counties,
  defaultValues,
}: {
  counties: readonly { code: string; name: string }[];
  defaultValues: UpdateOrganisationInput;
}) {
  const t = useTranslations("organisations");
  const tKind = useTranslations("organisationKind");
  const kindOptions = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }));
  const router = useRouter();
  const form = useForm<UpdateOrganisationInput, unknown, UpdateOrganisationValues>({ resolver: zodResolver(updateOrganisationSchema), defaultValues });
  const {
    register,
    formState: { errors },
  } = form;
  const { onSubmit, failure, pending } = useActionSubmit(form, updateOrganisationAction, (data) => router.push(`/organisationer?sparad=${data.id}`));

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FailureAlert failure={failure} reload={{ href: `/organisationer/${String(defaultValues.organisationId)}/redigera`, label: t("reload") }} />
      <p className="text-sm text-slate-700">{t("requiredNote")}</p>
      <input type="hidden" {...register("organisationId")} />
      <input type="hidden" {...register("version")} />
      <TextField label={t("fieldName")} hint={t("fieldNameHint")} required autoComplete="organization" error={errors.name?.message} {...register("name")} />
      <TextField label={t("fieldShortName")} hint={t("fieldShortNameHint")} required error={errors.shortName?.message} {...register("shortName")} />
      <SelectField label={t("fieldKind")} required options={kindOptions} error={errors.kind?.message} {...register("kind")} />
      <SelectField
        label={t("fieldCounty")}
        options={counties.map((c) => ({ value: c.code, label: c.name }))}
        placeholder={t("noCounty")}
        error={errors.countyCode?.message}
        {...register("countyCode")}
      />
      <TextField
        label={t("fieldMunicipality")}
        hint={t("fieldMunicipalityHint")}
        inputMode="numeric"
        className="max-w-48"
        error={errors.municipalityCode?.message}
        {...register("municipalityCode")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Link href="/organisationer" className={buttonClasses("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
