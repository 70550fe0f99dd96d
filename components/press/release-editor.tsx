"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useFieldArray, useForm, type Resolver } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionResult } from "@/lib/actions";
import { PRESS_TOPICS, type ReleaseStatus } from "@/lib/enums";
import type { ReleaseWarning, ReleaseWarningField } from "@/lib/press/checks";
import { saveReleaseSchema } from "@/lib/press/release-schema";

export type ReleaseFormValues = {
  releaseId: number;
  version: number;
  headline: string;
  ingress: string;
  body: string;
  quotes: { text: string; speaker: string; title: string; afterParagraph: number }[];
  contacts: string;
  boilerplate: string;
  topics: string[];
  regionCode: string;
};

type SaveData = { id: number; version: number; status: ReleaseStatus; warnings: ReleaseWarning[] };

type Props = {
  defaults: ReleaseFormValues;
  warnings: ReleaseWarning[];
  counties: { code: string; name: string }[];
  status: ReleaseStatus;
  action: (values: never) => Promise<ActionResult<SaveData>>;
};

/** The warnings of one field (and one quote), each at its line and column, in the visitor's language. */
function FieldWarnings({ id, warnings }: { id: string; warnings: ReleaseWarning[] }) {
  const t = useTranslations();
  if (warnings.length === 0) return null;
  return (
    <ul id={id} className="mt-1 flex flex-col gap-1 text-sm text-amber-900">
      {warnings.map((w, i) => (
        <li key={i} className="rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1">
          <span className="font-semibold">{t("press.warningAt", { line: w.line, column: w.column })}</span>{" "}
          {t(`pressChecks.${w.rule}`, w.params)}
        </li>
      ))}
    </ul>
  );
}

/** Edits a release's text. Every save is a version; the Swedish checks come back as warnings at their lines. */
export function ReleaseEditor({ defaults, warnings: initialWarnings, counties, status, action }: Props) {
  const t = useTranslations();
  const router = useRouter();
  // What this editor's own last save returned, for the version it made. When the page brings another version (a
  // review step, a regeneration, someone else's save), the page's warnings and values are the ones to show.
  const [saved, setSaved] = useState<{ version: number; warnings: ReleaseWarning[] } | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const form = useForm<ReleaseFormValues>({
    resolver: zodResolver(saveReleaseSchema) as unknown as Resolver<ReleaseFormValues>,
    defaultValues: defaults,
  });
  const { register, control, formState, setValue } = form;
  const quotes = useFieldArray({ control, name: "quotes" });
  const { onSubmit, failure, pending } = useActionSubmit(
    form,
    (values) => action(values as never),
    (data) => {
      setValue("version", data.version);
      setSaved({ version: data.version, warnings: data.warnings });
      router.refresh();
    },
  );
  const ownSave = saved !== null && saved.version >= defaults.version ? saved : null;
  const warnings = ownSave ? ownSave.warnings : initialWarnings;
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  // The page was refreshed with a version this editor did not save: start from what the release says now.
  useEffect(() => {
    if (form.getValues("version") !== defaults.version) form.reset(defaults);
  }, [defaults, form]);
  const of = (field: ReleaseWarningField, index?: number) => warnings.filter((w) => w.field === field && (index === undefined || w.index === index));
  const err = formState.errors;

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-labelledby="release-editor-heading">
      <h2 id="release-editor-heading" className="text-xl font-semibold">
        {t("press.editHeading")}
      </h2>
      {status !== "draft" ? <Alert tone="info">{t("press.editSendsBack")}</Alert> : null}
      <FailureAlert failure={failure} reload={{ href: `/press/${defaults.releaseId}`, label: t("press.reload") }} />
      {ownSave ? (
        <div ref={savedRef} tabIndex={-1}>
          <Alert tone="success">
            {t("press.saved")} {warnings.length > 0 ? t("press.savedWithWarnings", { count: warnings.length }) : t("press.savedNoWarnings")}
          </Alert>
        </div>
      ) : null}
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <div>
        <TextField label={t("press.headline")} required error={err.headline?.message} {...register("headline")} />
        <FieldWarnings id="warnings-headline" warnings={of("headline")} />
      </div>
      <div>
        <TextAreaField label={t("press.ingress")} rows={3} error={err.ingress?.message} {...register("ingress")} />
        <FieldWarnings id="warnings-ingress" warnings={of("ingress")} />
      </div>
      <div>
        <TextAreaField label={t("press.body")} hint={t("press.bodyHint")} rows={14} error={err.body?.message} {...register("body")} />
        <FieldWarnings id="warnings-body" warnings={of("body")} />
      </div>
      <fieldset className="flex flex-col gap-4 rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("press.quotes")}</legend>
        {quotes.fields.length === 0 ? <p className="text-slate-700">{t("press.noQuotes")}</p> : null}
        {quotes.fields.map((q, i) => (
          <div key={q.id} className="flex flex-col gap-3 border-b border-slate-200 pb-4 last:border-0">
            <h3 className="font-semibold">{t("press.quoteNumber", { number: i + 1 })}</h3>
            <TextAreaField label={t("press.quoteText")} rows={3} error={err.quotes?.[i]?.text?.message} {...register(`quotes.${i}.text`)} />
            <FieldWarnings id={`warnings-quote-${i}`} warnings={of("quotes", i)} />
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField label={t("press.quoteSpeaker")} error={err.quotes?.[i]?.speaker?.message} {...register(`quotes.${i}.speaker`)} />
              <TextField label={t("press.quoteTitle")} error={err.quotes?.[i]?.title?.message} {...register(`quotes.${i}.title`)} />
              <TextField
                label={t("press.quoteAfter")}
                type="number"
                inputMode="numeric"
                min={0}
                error={err.quotes?.[i]?.afterParagraph?.message}
                {...register(`quotes.${i}.afterParagraph`, { valueAsNumber: true })}
              />
            </div>
            <div>
              <Button variant="secondary" onClick={() => quotes.remove(i)}>
                {t("press.removeQuote", { number: i + 1 })}
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button variant="secondary" onClick={() => quotes.append({ text: "", speaker: "", title: "", afterParagraph: 0 })}>
            {t("press.addQuote")}
          </Button>
        </div>
      </fieldset>
      <div>
        <TextAreaField label={t("press.contacts")} hint={t("press.contactsHint")} rows={4} error={err.contacts?.message} {...register("contacts")} />
        <FieldWarnings id="warnings-contacts" warnings={of("contacts")} />
      </div>
      <div>
        <TextAreaField label={t("press.boilerplate")} rows={4} error={err.boilerplate?.message} {...register("boilerplate")} />
        <FieldWarnings id="warnings-boilerplate" warnings={of("boilerplate")} />
      </div>
      <fieldset className="rounded-md border border-slate-300 p-4">
        <legend className="px-1 font-semibold">{t("press.topics")}</legend>
        <p className="mb-2 text-sm text-slate-700">{t("press.topicsHint")}</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {PRESS_TOPICS.map((topic) => (
            <label key={topic} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={topic} className="h-5 w-5" {...register("topics")} />
              {t(`pressTopic.${topic}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t("press.region")}
        placeholder={t("press.wholeCountry")}
        options={counties.map((c) => ({ value: c.code, label: c.name }))}
        error={err.regionCode?.message}
        {...register("regionCode")}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("press.saving") : t("press.save")}
        </Button>
      </div>
    </form>
  );
}
