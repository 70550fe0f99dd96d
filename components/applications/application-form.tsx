"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import { registerApplicationSchema, updateApplicationSchema } from "@/lib/applications/schema";
import type { ApplicationSnapshot } from "@/lib/applications/update";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/schema";

type RegisterValues = z.input<typeof registerApplicationSchema>;
type UpdateValues = z.input<typeof updateApplicationSchema>;
type Values = RegisterValues & Partial<Pick<UpdateValues, "applicationId" | "version">>;

type Saved = ApplicationSnapshot & { version: number; savedBy: string | null };

type Props = {
  mode: "register" | "edit";
  defaults: Values;
  counties: { code: string; name: string }[];
  organisationNames: string[];
  cancelHref: string;
  // The register or the update action, each typed with its own schema's input; the form holds the union of both.
  action: (values: never) => Promise<ActionResult<{ id: number }>>;
};

const SNAPSHOT_FIELDS = [
  "leadOrganisation",
  "coApplicants",
  "projectTitle",
  "description",
  "focusAreas",
  "requestedAmount",
  "contactName",
  "contactTitle",
  "contactPhone",
  "contactEmail",
] as const;

/** Registers a new application or edits one; the same zod schema checks it here and again on the server. */
export function ApplicationForm({ mode, defaults, counties, organisationNames, cancelHref, action }: Props) {
  const t = useTranslations("register");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // A refusal that belongs to no single field (a conflict, a closed round) takes focus so it is announced and seen.
  const [focusAlert, setFocusAlert] = useState(0);
  useEffect(() => {
    if (focusAlert) errorRef.current?.focus();
  }, [focusAlert]);
  const schema = mode === "edit" ? updateApplicationSchema : registerApplicationSchema;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    getValues,
    formState: { errors },
  } = useForm<Values>({ resolver: zodResolver(schema as typeof registerApplicationSchema), defaultValues: defaults });

  const onSubmit = handleSubmit(
    (values) => {
      setFormError(null);
      startTransition(async () => {
        const result = await action(values as never);
        if (result.ok) {
          router.push(`/ansokningar/${result.data.id}?${mode === "edit" ? "sparad" : "registrerad"}=1`);
          return;
        }
        setFormError(result.formError);
        if (result.code === "conflict" && result.details?.saved) {
          const other = result.details.saved as Saved;
          setSaved(other);
          // Saving again now is a deliberate choice made with both versions in view.
          setValue("version", other.version);
        }
        const first = applyServerErrors(setError, result);
        if (first) setFocus(first);
        else setFocusAlert((n) => n + 1);
      });
    },
    () => setFormError(null),
  );

  const mine = saved ? snapshotOfValues(getValues()) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-6">
      {formError ? (
        <div ref={errorRef} tabIndex={-1}>
          <Alert tone="error" title={saved ? t("conflictTitle") : undefined}>
            {saved ? t("conflictText") : formError}
          </Alert>
        </div>
      ) : null}
      {saved && mine ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="p-2 text-left font-semibold">{t("conflictTitle")}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("field")}
                </th>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("theirVersion", { name: saved.savedBy ?? "–" })}
                </th>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("yourVersion")}
                </th>
              </tr>
            </thead>
            <tbody>
              {SNAPSHOT_FIELDS.filter((f) => String(saved[f]) !== String(mine[f])).map((field) => (
                <tr key={field}>
                  <th scope="row" className="border-b px-2 py-1 font-medium">
                    {t(fieldLabel(field))}
                  </th>
                  <td className="border-b px-2 py-1">{String(saved[field]) || "–"}</td>
                  <td className="border-b px-2 py-1">{String(mine[field]) || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("organisationSection")}</legend>
        <TextField
          label={t("leadName")}
          hint={t("leadNameHint")}
          required
          list="organisation-names"
          autoComplete="organization"
          error={errors.leadOrganisation?.name?.message}
          {...register("leadOrganisation.name")}
        />
        <datalist id="organisation-names">
          {organisationNames.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("kind")}
            hint={t("kindHint")}
            placeholder={t("chooseKind")}
            options={Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            error={errors.leadOrganisation?.kind?.message}
            {...register("leadOrganisation.kind")}
          />
          <SelectField
            label={t("county")}
            placeholder={t("chooseCounty")}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
            error={errors.leadOrganisation?.countyCode?.message}
            {...register("leadOrganisation.countyCode")}
          />
        </div>
        <TextField label={t("coApplicants")} hint={t("coApplicantsHint")} error={errorText(errors.coApplicants)} {...register("coApplicants")} />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("projectSection")}</legend>
        <TextField label={t("projectTitle")} required error={errors.projectTitle?.message} {...register("projectTitle")} />
        <TextAreaField label={t("description")} error={errors.description?.message} {...register("description")} />
        <TextField label={t("focusAreas")} hint={t("focusAreasHint")} error={errorText(errors.focusAreas)} {...register("focusAreas")} />
        <TextField
          label={t("requestedAmount")}
          hint={t("requestedAmountHint")}
          required
          inputMode="numeric"
          error={errors.requestedAmount?.message}
          {...register("requestedAmount")}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("contactSection")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("contactName")} autoComplete="off" error={errors.contactName?.message} {...register("contactName")} />
          <TextField label={t("contactTitle")} autoComplete="off" error={errors.contactTitle?.message} {...register("contactTitle")} />
          <TextField label={t("contactPhone")} type="tel" autoComplete="off" error={errors.contactPhone?.message} {...register("contactPhone")} />
          <TextField label={t("contactEmail")} type="email" autoComplete="off" error={errors.contactEmail?.message} {...register("contactEmail")} />
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : mode === "edit" ? t("save") : t("submit")}
        </Button>
        <Link href={cancelHref} className={buttonClasses("link")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

function errorText(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string") return error.message;
  if (Array.isArray(error)) return error.map(errorText).find(Boolean);
  return Object.values(error).map(errorText).find(Boolean);
}

function fieldLabel(field: (typeof SNAPSHOT_FIELDS)[number]): string {
  return field === "leadOrganisation" ? "leadName" : field;
}

function snapshotOfValues(values: Values): ApplicationSnapshot {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : Array.isArray(v) ? v.join("; ") : v == null ? "" : String(v));
  return {
    leadOrganisation: text(values.leadOrganisation?.name),
    coApplicants: text(values.coApplicants),
    projectTitle: text(values.projectTitle),
    description: text(values.description),
    focusAreas: text(values.focusAreas),
    requestedAmount: Number(String(values.requestedAmount).replace(/\s/g, "")) || 0,
    contactName: text(values.contactName),
    contactTitle: text(values.contactTitle),
    contactPhone: text(values.contactPhone),
    contactEmail: text(values.contactEmail),
  };
}
