"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

type Run = <T>(call: () => Promise<ActionResult<T>>, onOk?: (data: T) => void) => void;

/** One pending call at a time, its refusal in the visitor's language, and a refresh of the page after it. */
function useRunner(): { run: Run; pending: boolean; error: string | null } {
  const router = useRouter();
  const locale = toLocale(useLocale());
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run: Run = (call, onOk) => {
    setError(null);
    startTransition(async () => {
      const result = await call();
      if (!result.ok) {
        const field = Object.values(result.fieldErrors ?? {}).flat()[0];
        setError(translateValidationMessage(field ?? result.formError, locale));
        return;
      }
      onOk?.(result.data);
      router.refresh();
    });
  };
  return { run, pending, error };
}

function ErrorAlert({ error }: { error: string | null }) {
  return error ? (
    <div role="alert">
      <Alert tone="error">{error}</Alert>
    </div>
  ) : null;
}

export type ChangedFact = { path: string; label: string; before: string; after: string };

/** The facts that changed since the release was made: accept them one by one by name, or regenerate the text. */
export function ChangedFactsPanel({
  releaseId,
  version,
  changes,
  canWrite,
  accept,
  regenerate,
}: {
  releaseId: number;
  version: number;
  changes: ChangedFact[];
  canWrite: boolean;
  accept: (v: { releaseId: number; version: number; accepted: string[] }) => Promise<ActionResult<{ id: number }>>;
  regenerate: (v: { releaseId: number; version: number }) => Promise<ActionResult<{ id: number }>>;
}) {
  const t = useTranslations("press");
  const { run, pending, error } = useRunner();
  const [checked, setChecked] = useState<string[]>([]);
  const all = checked.length === changes.length;
  return (
    <div className="flex flex-col gap-3">
      <Alert tone="error">{t("staleIntro")}</Alert>
      <ErrorAlert error={error} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">{t("changedFacts")}</legend>
        {changes.map((c) => (
          <label key={c.path} className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1 h-5 w-5"
              disabled={!canWrite}
              checked={checked.includes(c.path)}
              onChange={(e) => setChecked((list) => (e.target.checked ? [...list, c.path] : list.filter((p) => p !== c.path)))}
            />
            <span>
              <span className="font-medium">{c.label}</span>: <del>{c.before}</del> → <ins className="no-underline font-semibold">{c.after}</ins>
              <span className="block text-xs text-slate-700">{c.path}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending || !all} onClick={() => run(() => accept({ releaseId, version, accepted: checked }))}>
            {t("acceptChanges")}
          </Button>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              if (window.confirm(t("regenerateConfirm"))) run(() => regenerate({ releaseId, version }));
            }}
          >
            {t("regenerate")}
          </Button>
        </div>
      ) : null}
      {canWrite && !all ? <p className="text-sm text-slate-700">{t("acceptHint")}</p> : null}
    </div>
  );
}

export function CommentForm({ releaseId, action }: { releaseId: number; action: (v: { releaseId: number; body: string }) => Promise<ActionResult<{ id: number }>> }) {
  const t = useTranslations("press");
  const { run, pending, error } = useRunner();
  const [body, setBody] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(() => action({ releaseId, body }), () => setBody(""));
  };
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <ErrorAlert error={error} />
      <label htmlFor="comment-body" className="font-medium">
        {t("commentLabel")}
      </label>
      <textarea id="comment-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} className="rounded-md border border-slate-500 px-3 py-2" />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("addComment")}
        </Button>
      </div>
    </form>
  );
}

export type PreviewLinkRow = { id: number; label: string; expires: string; state: "active" | "expired" | "revoked" };

export function PreviewLinks({
  releaseId,
  links,
  canWrite,
  create,
  revoke,
}: {
  releaseId: number;
  links: PreviewLinkRow[];
  canWrite: boolean;
  create: (v: { releaseId: number; label: string; days: number }) => Promise<ActionResult<{ id: number; path: string }>>;
  revoke: (v: { releaseId: number; linkId: number }) => Promise<ActionResult<{ id: number }>>;
}) {
  const t = useTranslations("press");
  const { run, pending, error } = useRunner();
  const [label, setLabel] = useState("");
  const [days, setDays] = useState(7);
  const [created, setCreated] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => create({ releaseId, label, days }),
      (data) => {
        setCreated(`${window.location.origin}${data.path}`);
        setLabel("");
      },
    );
  };
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("previewIntro")}</p>
      <ErrorAlert error={error} />
      {created ? (
        <div role="status" className="flex flex-col gap-1 rounded-md border border-green-700 bg-green-50 p-3">
          <span className="font-medium">{t("previewCreated")}</span>
          <label htmlFor="preview-url" className="text-sm">
            {t("previewUrl")}
          </label>
          <input id="preview-url" readOnly value={created} className="min-h-11 rounded-md border border-slate-500 bg-white px-2 font-mono text-sm" onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
      {links.length > 0 ? (
        <ul className="flex flex-col gap-2">
          {links.map((link) => (
            <li key={link.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-slate-300 p-2">
              <span>
                {link.label || t("previewNoLabel")} · {t(`previewState.${link.state}`, { date: link.expires })}
              </span>
              {canWrite && link.state === "active" ? (
                <Button variant="secondary" disabled={pending} onClick={() => run(() => revoke({ releaseId, linkId: link.id }))}>
                  {t("previewRevoke", { label: link.label || t("previewNoLabel") })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canWrite ? (
        <form method="post" onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-label" className="font-medium">
              {t("previewLabel")}
            </label>
            <input id="preview-label" value={label} onChange={(e) => setLabel(e.target.value)} className="min-h-11 rounded-md border border-slate-500 px-3" />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-days" className="font-medium">
              {t("previewDays")}
            </label>
            <input
              id="preview-days"
              type="number"
              min={1}
              max={30}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              className="min-h-11 w-24 rounded-md border border-slate-500 px-3"
            />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("previewCreate")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
