"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FailureAlert } from "@/components/forms/failure-alert";
import { useActionSubmit } from "@/components/forms/use-action-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { borderFor, FieldShell } from "@/components/ui/field-shell";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { PressTargetKind } from "@/lib/enums";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import type { TemplateError } from "@/lib/press/errors";
import type { PreviewResult } from "@/lib/press/template-preview";
import { saveTemplateSchema, type SaveTemplateInput, type SaveTemplateValues } from "@/lib/press/template-schema";
import { previewTemplateAction, saveTemplateAction } from "../actions";

export type RoundChoice = { value: string; label: string };
export type GrantChoice = { applicationId: number; roundId: number; label: string; countyCode: string | null; countyName: string | null };

type Props = {
  template: { id: number; key: string; name: string; source: string; version: number; targetKind: PressTargetKind };
  rounds: readonly RoundChoice[];
  grants: readonly GrantChoice[];
};

/** How long the writer may pause before the preview is filled in again: a preview per pause, not per keystroke. */
const PREVIEW_DELAY_MS = 600;

/** The offset in `text` of a 1-based line and column (where the caret goes to show an error). */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), text.length);
}

/**
 * The source of a template with its live preview. Saving goes through the shared schema (in the browser) and the
 * server's check (parse and known variables); a refusal is shown at the source with its line and column, and the
 * caret is put there. The preview is filled in with real data of the chosen scope a moment after the writer stops
 * typing, and a polite live region says that it is updated (once per update, not per keystroke).
 */
export function TemplateEditor({ template, rounds, grants }: Props) {
  const t = useTranslations("pressTemplates");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const form = useForm<SaveTemplateInput, unknown, SaveTemplateValues>({
    resolver: zodResolver(saveTemplateSchema),
    defaultValues: { templateId: template.id, version: template.version, name: template.name, source: template.source },
  });
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const source = useWatch({ control, name: "source" }) ?? "";
  const sourceRef = useRef<HTMLTextAreaElement | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  // The source is saved as the schema normalises it (NFC, line breaks, no blank lines at either end): the field
  // shows that text, so the line and column of a refusal point at what the writer sees.
  const save = (values: SaveTemplateValues) => {
    if (values.source !== form.getValues("source")) form.setValue("source", values.source);
    return saveTemplateAction(values);
  };
  const { onSubmit, failure, pending } = useActionSubmit(form, save, (data) => {
    form.reset({ ...form.getValues(), version: data.version });
    setSaved(t("savedAs", { version: data.version }));
    router.refresh();
  });

  // A refused source: the caret goes to the first error's line and column (the field already has focus).
  useEffect(() => {
    const first = (failure?.details?.errors as TemplateError[] | undefined)?.[0];
    const area = sourceRef.current;
    if (!first?.line || !area) return;
    const at = offsetOf(area.value, first.line, first.column ?? 1);
    area.setSelectionRange(at, at);
  }, [failure]);

  // ---- the scope of the preview
  const [roundId, setRoundId] = useState(rounds[0]?.value ?? "");
  const grantsOfRound = useMemo(() => grants.filter((g) => String(g.roundId) === roundId), [grants, roundId]);
  const counties = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const g of grantsOfRound) if (g.countyCode && g.countyName) byCode.set(g.countyCode, g.countyName);
    return [...byCode].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "sv"));
  }, [grantsOfRound]);
  const recipients = useMemo(
    () => grantsOfRound.map((g) => ({ value: String(g.applicationId), label: g.label })),
    [grantsOfRound],
  );
  const [countyCode, setCountyCode] = useState(counties[0]?.value ?? "");
  const [applicationId, setApplicationId] = useState(recipients[0]?.value ?? "");
  const chooseRound = (value: string) => {
    setRoundId(value);
    const inRound = grants.filter((g) => String(g.roundId) === value);
    setCountyCode(
      inRound
        .filter((g) => g.countyCode && g.countyName)
        .sort((a, b) => (a.countyName ?? "").localeCompare(b.countyName ?? "", "sv"))[0]?.countyCode ?? "",
    );
    setApplicationId(inRound[0] ? String(inRound[0].applicationId) : "");
  };

  // ---- the preview itself
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const sequence = useRef(0);
  const first = useRef(true);
  useEffect(() => {
    const delay = first.current ? 0 : PREVIEW_DELAY_MS;
    const announce = !first.current;
    first.current = false;
    const timer = setTimeout(() => {
      const mine = ++sequence.current;
      setPreviewing(true);
      void previewTemplateAction({ templateId: template.id, source, roundId, countyCode, applicationId }).then((result) => {
        if (mine !== sequence.current) return; // a newer preview is on its way
        setPreviewing(false);
        setPreview(result.ok ? result.data : { ok: false, errors: [{ kind: "render", message: result.formError }] });
        if (announce) {
          // Emptied first, so the same words are announced again after the next update.
          setAnnouncement("");
          requestAnimationFrame(() => setAnnouncement(t("previewUpdated")));
        }
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [template.id, source, roundId, countyCode, applicationId, t]);

  const { ref: sourceFieldRef, ...sourceField } = register("source");
  const previewHeadingId = useId();

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form method="post" onSubmit={onSubmit} noValidate className="flex min-w-0 flex-col gap-5" aria-label={t("formLabel")}>
        <FailureAlert failure={failure?.fieldErrors ? null : failure} reload={{ href: `/press/mallar/${template.key}`, label: t("reload") }} />
        <input type="hidden" {...register("templateId")} />
        <input type="hidden" {...register("version")} />
        <TextField label={t("name")} required autoComplete="off" error={errors.name?.message} {...register("name")} />
        <FieldShell label={t("source")} name="source" hint={t("sourceHint")} error={errors.source?.message} required>
          {({ controlId, describedBy, invalid }) => (
            <textarea
              id={controlId}
              ref={(element) => {
                sourceFieldRef(element);
                sourceRef.current = element;
              }}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              rows={24}
              wrap="off"
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              className={`min-h-96 w-full rounded-md border px-3 py-2 font-mono text-sm leading-6 ${borderFor(errors.source?.message)}`}
              {...sourceField}
            />
          )}
        </FieldShell>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
        </div>
        <div role="status" className={saved ? "rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900" : "sr-only"}>
          {saved}
        </div>
      </form>

      <section aria-labelledby={previewHeadingId} className="flex min-w-0 flex-col gap-4">
        <h2 id={previewHeadingId} className="text-2xl font-semibold">
          {t("previewHeading")}
        </h2>
        <p className="text-slate-700">{t(`previewIntro.${template.targetKind}`)}</p>
        {rounds.length === 0 ? (
          <Alert tone="info">{t("previewNoRounds")}</Alert>
        ) : (
          <div className="flex flex-col gap-3">
            <SelectField label={t("previewRound")} name="previewRound" options={rounds} value={roundId} onChange={(e) => chooseRound(e.target.value)} />
            {template.targetKind === "county" ? (
              <SelectField
                label={t("previewCounty")}
                name="previewCounty"
                options={counties}
                value={countyCode}
                onChange={(e) => setCountyCode(e.target.value)}
              />
            ) : null}
            {template.targetKind === "recipient" ? (
              <SelectField
                label={t("previewRecipient")}
                name="previewRecipient"
                options={recipients}
                value={applicationId}
                onChange={(e) => setApplicationId(e.target.value)}
              />
            ) : null}
          </div>
        )}
        <div className="sr-only" role="status" aria-live="polite">
          {announcement}
        </div>
        <div aria-busy={previewing} className="min-w-0">
          {preview === null ? (
            <p className="text-slate-700">{t("previewLoading")}</p>
          ) : preview.ok ? (
            <div
              className="rounded-md border border-slate-300 bg-white p-4 whitespace-pre-wrap break-words"
              role="region"
              aria-label={t("previewText")}
            >
              {preview.text}
            </div>
          ) : (
            <div className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900" role="region" aria-label={t("previewErrors")}>
              <p className="font-semibold">{t("previewFailed")}</p>
              <ul className="mt-2 list-disc pl-5">
                {preview.errors.map((error, i) => (
                  <li key={i}>{translateValidationMessage(error.message, locale)}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
