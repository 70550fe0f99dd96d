"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useFieldArray, useForm, type Path, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import {
  resolveConflict,
  snapshotOfFormValues,
  type ConflictResolution,
  type SavedApplication,
  type SnapshotField,
} from "@/lib/applications/conflict";
import { registerApplicationSchema, updateApplicationSchema } from "@/lib/applications/schema";
import { ORGANISATION_KINDS } from "@/lib/enums";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

/** One organisation as the form asks for it: the name, and the kind and county that only a new one needs. */
export type OrganisationRow = { name: string; kind: string; countyCode: string };

export type ApplicationFormValues = {
  roundId: number;
  applicationId?: number;
  version?: number;
  leadOrganisation: OrganisationRow;
  coApplicants: OrganisationRow[];
  projectTitle: string;
  description: string;
  focusAreas: string;
  requestedAmount: string;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
};

type Props = {
  mode: "register" | "edit";
  defaults: ApplicationFormValues;
  counties: { code: string; name: string }[];
  organisationNames: string[];
  cancelHref: string;
  // The register or the update action, each typed with its own schema's input; the form holds the union of both.
  action: (values: never) => Promise<ActionResult<{ id: number }>>;
};

const EMPTY_ROW: OrganisationRow = { name: "", kind: "", countyCode: "" };

/** The form field a snapshot field is typed in, and the saved value as the form holds it. */
const FORM_FIELD: Record<SnapshotField, Path<ApplicationFormValues>> = {
  leadOrganisation: "leadOrganisation.name",
  coApplicants: "coApplicants",
  projectTitle: "projectTitle",
  description: "description",
  focusAreas: "focusAreas",
  requestedAmount: "requestedAmount",
  contactName: "contactName",
  contactTitle: "contactTitle",
  contactPhone: "contactPhone",
  contactEmail: "contactEmail",
};

/** The label key (register namespace) of each compared field. */
const LABEL: Record<SnapshotField, string> = {
  leadOrganisation: "leadName",
  coApplicants: "coApplicants",
  projectTitle: "projectTitle",
  description: "description",
  focusAreas: "focusAreas",
  requestedAmount: "requestedAmountShort",
  contactName: "contactName",
  contactTitle: "contactTitle",
  contactPhone: "contactPhone",
  contactEmail: "contactEmail",
};

function rowsOf(names: string): OrganisationRow[] {
  return names
    .split(";")
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ ...EMPTY_ROW, name }));
}

function formValuesOf(saved: SavedApplication): Pick<ApplicationFormValues, "coApplicants" | "requestedAmount"> & Record<string, unknown> {
  return {
    leadOrganisation: { name: saved.leadOrganisation },
    coApplicants: rowsOf(saved.coApplicants),
    projectTitle: saved.projectTitle,
    description: saved.description,
    focusAreas: saved.focusAreas,
    requestedAmount: String(saved.requestedAmount),
    contactName: saved.contactName,
    contactTitle: saved.contactTitle,
    contactPhone: saved.contactPhone,
    contactEmail: saved.contactEmail,
  };
}

type Conflict = ConflictResolution & { saved: SavedApplication };

/** Registers a new application or edits one; the same zod schema checks it here and again on the server. */
export function ApplicationForm({ mode, defaults, counties, organisationNames, cancelHref, action }: Props) {
  const t = useTranslations("register");
  const tKind = useTranslations("organisationKind");
  const f = uiFormat(toLocale(useLocale()));
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // The version the officer's edits started from: after a conflict, the saved one.
  const [started, setStarted] = useState(() => snapshotOfFormValues(defaults));
  const errorRef = useRef<HTMLDivElement>(null);
  // A refusal that belongs to no single field (a conflict, a closed round) takes focus so it is announced and seen.
  const [focusAlert, setFocusAlert] = useState(0);
  useEffect(() => {
    if (focusAlert) errorRef.current?.focus();
  }, [focusAlert]);
  const schema = mode === "edit" ? updateApplicationSchema : registerApplicationSchema;
  const form = useForm<ApplicationFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<ApplicationFormValues>,
    defaultValues: defaults,
  });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    getValues,
    formState: { errors },
  } = form;
  const coApplicants = useFieldArray({ control, name: "coApplicants" });
  const kindOptions = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: tKind(kind) }));
  const countyOptions = counties.map((c) => ({ value: c.code, label: c.name }));

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
          const saved = result.details.saved as SavedApplication;
          const resolution = resolveConflict(started, snapshotOfFormValues(getValues()), saved);
          const savedValues = formValuesOf(saved);
          for (const field of resolution.takenFromSaved) {
            const value = field === "leadOrganisation" ? saved.leadOrganisation : savedValues[field];
            setValue(FORM_FIELD[field], value as never, { shouldDirty: true });
          }
          if (resolution.takenFromSaved.includes("coApplicants")) coApplicants.replace(savedValues.coApplicants);
          // The next save is made against the saved version, with both versions in view.
          setValue("version", saved.version);
          setStarted(snapshotOfFormValues(savedValues as Partial<ApplicationFormValues>));
          setConflict({ ...resolution, saved });
        } else {
          setConflict(null);
        }
        const first = applyServerErrors(setError, result);
        if (first) setFocus(first);
        else setFocusAlert((n) => n + 1);
      });
    },
    () => setFormError(null),
  );

  const show = (field: SnapshotField, value: string | number | null) =>
    field === "requestedAmount" ? (typeof value === "number" ? f.amount(value) : String(value ?? "") || "–") : String(value ?? "") || "–";
  const mine = conflict ? snapshotOfFormValues(getValues()) : null;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-6">
      {formError ? (
        <div ref={errorRef} tabIndex={-1}>
          <Alert tone="error" title={conflict ? t("conflictTitle") : undefined}>
            {conflict ? (
              <>
                <p>{t("conflictText", { name: conflict.saved.savedBy ?? t("someoneElse"), when: f.moment(new Date(conflict.saved.savedAt)) })}</p>
                {conflict.takenFromSaved.length > 0 ? (
                  <p className="mt-2">
                    {t("conflictTaken")}{" "}
                    {conflict.takenFromSaved.map((f) => `${t(LABEL[f])}: ${show(f, conflict.saved[f])}`).join("; ")}.
                  </p>
                ) : null}
                <p className="mt-2">{conflict.differing.length > 0 ? t("conflictChoose") : t("conflictNothingToChoose")}</p>
              </>
            ) : (
              translateValidationMessage(formError, f.locale)
            )}
          </Alert>
        </div>
      ) : null}
      {conflict && mine && conflict.differing.length > 0 ? (
        <div className="overflow-x-auto rounded-md border border-slate-300">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="p-2 text-left font-semibold">{t("conflictCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("field")}
                </th>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("theirVersion", { name: conflict.saved.savedBy ?? t("someoneElse"), when: f.moment(new Date(conflict.saved.savedAt)) })}
                </th>
                <th scope="col" className="border-b bg-slate-100 px-2 py-1">
                  {t("yourVersion")}
                </th>
              </tr>
            </thead>
            <tbody>
              {conflict.differing.map((field) => (
                <tr key={field}>
                  <th scope="row" className="border-b px-2 py-1 font-medium">
                    {t(LABEL[field])}
                  </th>
                  <td className="border-b px-2 py-1 whitespace-pre-line">{show(field, conflict.saved[field])}</td>
                  <td className="border-b px-2 py-1 whitespace-pre-line">{show(field, mine[field])}</td>
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
            options={kindOptions}
            error={errors.leadOrganisation?.kind?.message}
            {...register("leadOrganisation.kind")}
          />
          <SelectField
            label={t("county")}
            hint={t("countyHint")}
            placeholder={t("chooseCounty")}
            options={countyOptions}
            error={errors.leadOrganisation?.countyCode?.message}
            {...register("leadOrganisation.countyCode")}
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("coApplicants")}</legend>
        <p className="text-sm text-slate-700">{t("coApplicantsHint")}</p>
        {coApplicants.fields.map((row, i) => {
          const n = i + 1;
          const rowErrors = errors.coApplicants?.[i];
          return (
            <div key={row.id} role="group" aria-label={t("coApplicantGroup", { n })} className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
              <TextField
                label={t("coApplicantName", { n })}
                list="organisation-names"
                autoComplete="off"
                error={rowErrors?.name?.message}
                {...register(`coApplicants.${i}.name`)}
              />
              <div className="grid gap-3 sm:grid-cols-2">
                <SelectField
                  label={t("coApplicantKind", { n })}
                  placeholder={t("chooseKind")}
                  options={kindOptions}
                  error={rowErrors?.kind?.message}
                  {...register(`coApplicants.${i}.kind`)}
                />
                <SelectField
                  label={t("coApplicantCounty", { n })}
                  placeholder={t("chooseCounty")}
                  options={countyOptions}
                  error={rowErrors?.countyCode?.message}
                  {...register(`coApplicants.${i}.countyCode`)}
                />
              </div>
              <div>
                <Button type="button" variant="secondary" onClick={() => coApplicants.remove(i)}>
                  {t("removeCoApplicant", { n })}
                </Button>
              </div>
            </div>
          );
        })}
        {errors.coApplicants?.message || errors.coApplicants?.root?.message ? (
          <p className="text-sm font-medium text-red-800">{errors.coApplicants?.message ?? errors.coApplicants?.root?.message}</p>
        ) : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() => coApplicants.append({ ...EMPTY_ROW }, { focusName: `coApplicants.${coApplicants.fields.length}.name` })}
          >
            {t("addCoApplicant")}
          </Button>
        </div>
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
