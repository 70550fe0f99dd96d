"use client";

import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { readEvents, NDJSON_CONTENT_TYPE, type ImportEvent, type PreviewSummary, type RefusedRow, type ReportSummary } from "@/lib/import/protocol";

type Progress = Extract<ImportEvent, { phase: "validating" | "importing" }> | { phase: "sending" };

type Props = {
  roundId: number;
  maxBytes: number;
  roundHref: string;
};

/*
 * Two steps over the same file: preview (the server checks, writes nothing) and import (the server checks again and
 * writes). The File stays in this component's state so the import sends exactly the file that was previewed.
 */
export function ImportForm({ roundId, maxBytes, roundHref }: Props) {
  const t = useTranslations("import");
  const locale = useLocale();
  const f = uiFormat(toLocale(locale));
  const ids = useId();
  const fileId = `${ids}-file`;
  const maxMb = Math.round(maxBytes / (1024 * 1024));

  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [preview, setPreview] = useState<PreviewSummary | null>(null);
  const [report, setReport] = useState<ReportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fileRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  // What to move focus to once React has rendered it, so a screen reader user lands on the outcome.
  const [focusTarget, setFocusTarget] = useState<{ to: "error" | "preview" | "report"; n: number } | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const target = { error: errorRef, preview: previewRef, report: reportRef }[focusTarget.to].current;
    target?.focus();
  }, [focusTarget]);
  const focus = (to: "error" | "preview" | "report") => setFocusTarget((f) => ({ to, n: (f?.n ?? 0) + 1 }));

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setPreview(null);
    setReport(null);
    setError(null);
    setFileError(chosen && chosen.size > maxBytes ? t("tooLarge", { max: maxMb }) : null);
  }

  async function run(mode: "preview" | "import") {
    if (!file) return;
    setBusy(mode);
    setProgress({ phase: "sending" });
    setError(null);
    setReport(null);
    if (mode === "preview") setPreview(null);
    const form = new FormData();
    form.append("file", file);
    form.append("mode", mode);
    form.append("allOrNothing", String(allOrNothing));
    try {
      let response: Response;
      try {
        response = await fetch(`/omgangar/${roundId}/import/run`, { method: "POST", body: form });
      } catch {
        setError(t("network"));
        focus("error");
        return;
      }
      const isStream = response.headers.get("content-type")?.startsWith(NDJSON_CONTENT_TYPE.split(";")[0] ?? "") ?? false;
      if (!isStream || !response.body) {
        // A redirect to sign-in or a 403 page, not our answer.
        setError(response.status === 403 || response.redirected ? t("noAccess") : t("failed"));
        focus("error");
        return;
      }
      const final = await readEvents(response.body, (event) => {
        if (event.phase === "validating" || event.phase === "importing") setProgress(event);
      });
      if (!final) {
        setError(t("cutOff"));
        focus("error");
      } else if (final.phase === "preview") {
        setPreview(final.preview);
        focus("preview");
      } else if (final.phase === "done") {
        setReport(final.report);
        setPreview(null);
        focus("report");
      } else if (final.phase === "error") {
        setError(translateValidationMessage(final.message, toLocale(locale)));
        if (final.report) {
          setReport(final.report);
          setPreview(null);
        }
        focus("error");
      }
    } catch {
      setError(t("cutOff"));
      focus("error");
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError(t("chooseFile"));
      fileRef.current?.focus();
      return;
    }
    if (file.size > maxBytes) {
      setFileError(t("tooLarge", { max: maxMb }));
      fileRef.current?.focus();
      return;
    }
    void run("preview");
  }

  const blocked = preview ? (preview.valid === 0 ? t("blockedNoValid") : allOrNothing && preview.invalid > 0 ? t("blockedAllOrNothing") : null) : null;
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;
  const progressTextId = `${ids}-progress`;
  const blockedId = `${ids}-blocked`;

  return (
    <div className="flex flex-col gap-8">
      <form method="post" onSubmit={onPreview} noValidate className="flex max-w-3xl flex-col gap-4" aria-labelledby={`${ids}-form-heading`}>
        <h2 id={`${ids}-form-heading`} className="text-2xl font-semibold">
          {t("formHeading")}
        </h2>
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="font-medium">
            {t("file")}
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            {t("fileHint", { max: maxMb })}
          </p>
          <input
            ref={fileRef}
            id={fileId}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy !== null}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(" ")}
            onChange={(e) => chooseFile(e.currentTarget.files?.[0] ?? null)}
            className={`rounded-md border bg-white p-2 ${fileError ? "border-red-700" : "border-slate-500"}`}
          />
          {fileError ? (
            <p id={errorId} className="text-sm font-medium text-red-800">
              {fileError}
            </p>
          ) : null}
        </div>
        <div className="flex items-start gap-3">
          <input
            id={`${ids}-all`}
            type="checkbox"
            checked={allOrNothing}
            disabled={busy !== null}
            onChange={(e) => setAllOrNothing(e.currentTarget.checked)}
            aria-describedby={`${ids}-all-hint`}
            className="mt-1 h-5 w-5"
          />
          <div>
            <label htmlFor={`${ids}-all`} className="font-medium">
              {t("allOrNothing")}
            </label>
            <p id={`${ids}-all-hint`} className="text-sm text-slate-700">
              {t("allOrNothingHint")}
            </p>
          </div>
        </div>
        <div>
          <Button type="submit" variant={preview ? "secondary" : "primary"} disabled={busy !== null}>
            {t("preview")}
          </Button>
        </div>
      </form>

      {/* Progress is shown where the step was started, so the officer sees it without scrolling. */}
      <div aria-live="polite" className="max-w-3xl empty:hidden">
        {busy === "preview" && progress ? <ProgressLine progress={progress} textId={progressTextId} /> : null}
      </div>

      {error ? (
        <div ref={errorRef} tabIndex={-1} className="max-w-3xl">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}

      {preview ? (
        <section aria-labelledby={`${ids}-preview`} className="flex flex-col gap-4">
          <h2 id={`${ids}-preview`} ref={previewRef} tabIndex={-1} className="text-2xl font-semibold">
            {t("previewHeading")}
          </h2>
          <div>
            <p>{t("previewValid", { valid: preview.valid, total: preview.total })}</p>
            <p>{t("previewInvalid", { invalid: preview.invalid })}</p>
            {preview.approvedInFile > 0 ? (
              <p>{t("previewBudget", { amount: f.amount(preview.approvedInFile), remaining: f.amount(preview.remainingBudget) })}</p>
            ) : null}
          </div>
          {preview.invalid > 0 ? <RefusedTable caption={t("refusedCaption")} rows={preview.refusedRows} total={preview.invalid} /> : null}

          <div className="flex max-w-3xl flex-col gap-3 rounded-md border border-slate-300 bg-slate-50 p-4">
            <h3 className="text-xl font-semibold">{t("importHeading")}</h3>
            {blocked ? (
              <p id={blockedId} className="font-medium text-red-800">
                {blocked}
              </p>
            ) : (
              <p id={blockedId}>{t("importExplain", { valid: preview.valid })}</p>
            )}
            <div>
              <Button onClick={() => void run("import")} disabled={busy !== null || blocked !== null} aria-describedby={blockedId}>
                {t("importButton")}
              </Button>
            </div>
            <div aria-live="polite" className="empty:hidden">
              {busy === "import" && progress ? <ProgressLine progress={progress} textId={progressTextId} /> : null}
            </div>
          </div>

          {preview.valid > 0 ? (
            <>
              <Table caption={t("validCaption")}>
                <thead>
                  <tr>
                    <Th numeric>{t("rowNumber")}</Th>
                    <Th>{t("organisation")}</Th>
                    <Th>{t("project")}</Th>
                    <Th numeric>{t("requested")}</Th>
                    <Th>{t("decision")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {preview.validRows.map((row) => (
                    <tr key={row.rowNumber}>
                      <Td numeric>{row.rowNumber}</Td>
                      <Td>{row.organisation}</Td>
                      <Td>{row.projectTitle}</Td>
                      <Td numeric>{f.amount(row.requestedAmount)}</Td>
                      <Td>
                        {row.decision === null
                          ? t("noDecision")
                          : row.decision.outcome === "approved"
                            ? t("approved", { amount: f.amount(row.decision.grantedAmount) })
                            : t("rejected")}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {preview.valid > preview.validRows.length ? (
                <p>{t("listCut", { shown: preview.validRows.length, total: preview.valid })}</p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}

      {report ? (
        <section aria-labelledby={`${ids}-report`} className="flex flex-col gap-4">
          <h2 id={`${ids}-report`} ref={reportRef} tabIndex={-1} className="text-2xl font-semibold">
            {t("resultHeading")}
          </h2>
          <div role="status">
            {report.allOrNothing && report.imported === 0 && report.refused > 0 ? (
              <p className="font-medium">{t("resultRefusedAll", { refused: report.refused })}</p>
            ) : (
              <>
                <p className="font-medium">{t("resultImported", { imported: report.imported })}</p>
                {report.refused > 0 ? <p>{t("resultRefused", { refused: report.refused })}</p> : null}
              </>
            )}
          </div>
          {report.importedRows.length > 0 ? (
            <>
              <Table caption={t("importedCaption")}>
                <thead>
                  <tr>
                    <Th numeric>{t("rowNumber")}</Th>
                    <Th>{t("registrationNumber")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {report.importedRows.map((row) => (
                    <tr key={row.rowNumber}>
                      <Td numeric>{row.rowNumber}</Td>
                      <Td>
                        <Link href={`/ansokningar/${row.applicationId}`} className="text-brand-700 underline">
                          {row.registrationNumber}
                        </Link>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {report.imported > report.importedRows.length ? (
                <p>{t("listCut", { shown: report.importedRows.length, total: report.imported })}</p>
              ) : null}
            </>
          ) : null}
          {report.refused > 0 ? <RefusedTable caption={t("refusedReportCaption")} rows={report.refusedRows} total={report.refused} /> : null}
          <p>
            <Link href={roundHref} className={buttonClasses("primary")}>
              {t("backToRound")}
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}

function ProgressLine({ progress, textId }: { progress: Progress; textId: string }) {
  const t = useTranslations("import");
  // Indeterminate (no value) while the server cannot count: sending, checking the file in one pass, one transaction.
  const counted = progress.phase === "importing" && !progress.atomic && progress.total > 0;
  const text =
    progress.phase === "sending"
      ? t("progressStarting")
      : progress.phase === "validating"
        ? t("progressValidating", { total: progress.total })
        : progress.atomic
          ? t("progressAtomic", { total: progress.total })
          : t("progressImporting", { done: progress.done, total: progress.total });
  return (
    <div className="flex flex-col gap-2">
      {counted ? (
        <progress aria-labelledby={textId} max={progress.total} value={progress.done} className="h-4 w-full" />
      ) : (
        <progress aria-labelledby={textId} className="h-4 w-full" />
      )}
      <p id={textId}>{text}</p>
    </div>
  );
}

function RefusedTable({ caption, rows, total }: { caption: string; rows: RefusedRow[]; total: number }) {
  const t = useTranslations("import");
  // Messages from the shared schemas are shown in the visitor's language; the import's own stay Swedish, as in
  // the CLI's report.
  const locale = toLocale(useLocale());
  return (
    <>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th numeric>{t("rowNumber")}</Th>
            <Th>{t("column")}</Th>
            <Th>{t("message")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            row.errors.map((error, i) => (
              <tr key={`${row.rowNumber}-${i}`}>
                <Td numeric>{row.rowNumber}</Td>
                <Td>{error.column === "" ? t("wholeRow") : <code>{error.column}</code>}</Td>
                <Td>{translateValidationMessage(error.message, locale)}</Td>
              </tr>
            )),
          )}
        </tbody>
      </Table>
      {total > rows.length ? <p>{t("listCut", { shown: rows.length, total })}</p> : null}
    </>
  );
}
