"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { MeetingTable, type RowErrors } from "@/components/decisions/meeting-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import {
  confirmationsAfter,
  initialConfirmations,
  initialRowValues,
  meetingTotals,
  meetingValuesFromForm,
  ROW_FIELDS,
  rowFieldId,
  rowFieldName,
  rowFieldOf,
  showsConfirmation,
  type MeetingTotals,
} from "@/lib/decisions/meeting-form-data";
import { meetingRowSchema, meetingSchema, type MeetingFormInput } from "@/lib/decisions/meeting-schema";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/errors";
import { recordMeetingDecisionsAction } from "./actions";

type Props = {
  roundId: number;
  budget: number;
  applications: MeetingApplication[];
  defaultDecidedOn: string;
  /** Today in Stockholm (YYYY-MM-DD), from the server: the latest decision date the form offers. */
  today: string;
};

/** The form's own fields, outside the rows. */
type TopField = "decidedOn" | "sharedMotivation";
const TOP_FIELDS: TopField[] = ["decidedOn", "sharedMotivation"];

/** What the form shows at its fields: the date's and the shared text's message, and each row's, by row index. */
type ShownErrors = { top: Partial<Record<TopField, string>>; rows: Record<number, RowErrors> };
const NO_ERRORS: ShownErrors = { top: {}, rows: {} };

function shownErrorsOf(errors: FieldErrors): ShownErrors {
  const shown: ShownErrors = { top: {}, rows: {} };
  for (const [path, messages] of Object.entries(errors)) {
    const message = messages?.[0];
    if (!message) continue;
    const at = rowFieldOf(path);
    if (at) (shown.rows[at.index] ??= {})[at.field] ??= message;
    else if (path === "decidedOn" || path === "sharedMotivation") shown.top[path] = message;
  }
  return shown;
}

/** Each row's first error, in table order: the error summary's links. */
function listRowErrors(errors: ShownErrors) {
  return Object.entries(errors.rows)
    .map(([index, row]) => {
      const field = ROW_FIELDS.find((f) => row[f]);
      return field ? { index: Number(index), field, message: row[field]! } : null;
    })
    .filter((e) => e !== null)
    .sort((a, b) => a.index - b.index);
}

/** The name of the first field with an error, in the order the form reads: the date, then the rows, each left to right. */
function firstErrorName(errors: ShownErrors): string | null {
  const top = TOP_FIELDS.find((f) => errors.top[f]);
  if (top) return top;
  const row = listRowErrors(errors)[0];
  return row ? rowFieldName(row.index, row.field) : null;
}

/** The messages the row schema gives a row's fields. */
function rowSchemaErrors(row: MeetingFormInput["rows"][number]): RowErrors {
  const parsed = meetingRowSchema.safeParse(row);
  const errors: RowErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = ROW_FIELDS.find((f) => f === issue.path[0]);
    if (field) errors[field] ??= issue.message;
  }
  return errors;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const fieldOf = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as Field | null;

/**
 * Every application of a round with a proposed outcome, amount and motivation, a running total against the budget
 * and one button that makes all the decisions. The server records them all or none; a refusal comes back at its row.
 *
 * The rows are uncontrolled fields (components/decisions/meeting-table.tsx): this component keeps no copy of them.
 * It reads the form (FormData) when a field changes, for the total, a row's confirmation and, once the officer has
 * tried to send, the changed field's error; and when the form is sent, through the same zod schema as the server
 * action. Errors reach their rows as React state, one object per row with errors, so only those rows render again.
 */
export function MeetingForm({ roundId, budget, applications, defaultDecidedOn, today }: Props) {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  /** After a first attempt to send, a changed field is checked again, so its error goes as soon as it is put right. */
  const submitted = useRef(false);
  /** The paths of the errors the server gave: they stay until their own field changes (the browser cannot check them). */
  const serverPaths = useRef(new Set<string>());
  const [totals, setTotals] = useState<MeetingTotals>(() => meetingTotals(applications.map(initialRowValues)));
  const [confirming, setConfirming] = useState(() => initialConfirmations(applications));
  const [errors, setErrors] = useState<ShownErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  /*
   * The field to focus (by name; null for the message above the form) once that message has rendered. Focusing at
   * once scrolled the field clear of the total bar, and then the message appeared and pushed it back under the bar.
   */
  const [focusTarget, setFocusTarget] = useState<{ name: string | null; n: number } | null>(null);

  // After the meeting is recorded the page reads its rows afresh (new decisions, new versions): a decided or changed
  // row starts again from its decision (its key changes), and so does its confirmation.
  const [rowsShown, setRowsShown] = useState(applications);
  if (rowsShown !== applications) {
    setRowsShown(applications);
    setConfirming(confirmationsAfter(confirming, rowsShown, applications));
  }
  // The total of the rows as the browser has them, from the first render on and whenever the rows are read afresh.
  useEffect(() => {
    if (formRef.current) setTotals(meetingTotals(meetingValuesFromForm(new FormData(formRef.current), applications).rows));
  }, [applications]);

  useEffect(() => {
    if (!focusTarget) return;
    const target = focusTarget.name && formRef.current ? fieldOf(formRef.current, focusTarget.name) : alertRef.current;
    (target ?? alertRef.current)?.focus();
  }, [focusTarget]);
  const focusLater = (name: string | null) => setFocusTarget((previous) => ({ name, n: (previous?.n ?? 0) + 1 }));

  const refuse = (message: string, fieldErrors: FieldErrors, fromServer: boolean) => {
    const shown = shownErrorsOf(fieldErrors);
    serverPaths.current = new Set(fromServer ? Object.keys(fieldErrors) : []);
    // A row asked for its confirmation shows the box to check.
    const ask = Object.entries(shown.rows).filter(([index, row]) => row.confirmOverRequest && applications[Number(index)] && !confirming.has(applications[Number(index)]!.id));
    if (ask.length > 0) setConfirming((previous) => new Map([...previous, ...ask.map(([index]) => [applications[Number(index)]!.id, false] as const)]));
    setFormError(message);
    setErrors(shown);
    focusLater(firstErrorName(shown));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = meetingValuesFromForm(new FormData(event.currentTarget), applications);
    submitted.current = true;
    setSaved(null);
    const parsed = meetingSchema.safeParse(values);
    if (!parsed.success) {
      refuse(t("checkRows"), fieldErrorsOf(parsed.error), false);
      return;
    }
    setFormError(null);
    setErrors(NO_ERRORS);
    startTransition(async () => {
      // The raw values, not the parsed ones: the server parses them again with the same schema.
      const result = await recordMeetingDecisionsAction(values);
      if (result.ok) {
        const { created, updated, unchanged } = result.data;
        setSaved([t("saved", { count: created + updated }), t("unchangedNote", { count: unchanged })].filter(Boolean).join(" "));
        focusLater(null);
        router.refresh();
        return;
      }
      refuse(result.formError, result.fieldErrors ?? {}, true);
    });
  };

  /**
   * The errors once the fields named have changed (after a first attempt to send): a changed field gets the schema's
   * message or none; the row's other fields lose a message of the browser's that the schema no longer gives (an
   * amount's error once the row is rejected), and keep the server's.
   */
  const recheck = (previous: ShownErrors, values: MeetingFormInput, changed: readonly string[]): ShownErrors => {
    let next = previous;
    for (const name of changed) {
      serverPaths.current.delete(name);
      const at = rowFieldOf(name);
      if (at) {
        const row = values.rows[at.index];
        if (!row) continue;
        const schema = rowSchemaErrors(row);
        const before = next.rows[at.index] ?? {};
        const after: RowErrors = {};
        for (const field of ROW_FIELDS) {
          const message = field === at.field ? schema[field] : before[field] && (schema[field] || serverPaths.current.has(rowFieldName(at.index, field))) ? before[field] : undefined;
          if (message) after[field] = message;
        }
        if (ROW_FIELDS.every((f) => before[f] === after[f])) continue;
        const rows = { ...next.rows };
        if (Object.keys(after).length > 0) rows[at.index] = after;
        else delete rows[at.index];
        next = { ...next, rows };
      } else if (name === "decidedOn" || name === "sharedMotivation") {
        const parsed = meetingSchema.shape[name].safeParse(values[name]);
        const message = parsed.success ? undefined : parsed.error.issues[0]?.message;
        if (next.top[name] !== message) next = { ...next, top: { ...next.top, [name]: message } };
      }
    }
    return next;
  };

  /*
   * Any field's input (a select and a checkbox send one too): a row no longer approved grants nothing (the amount is
   * never proposed for the officer: no one-click approval of the full request), the confirmation follows the amount,
   * the total follows the rows, and after a first attempt the changed field is checked again.
   */
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const target = event.target as Field;
    const at = rowFieldOf(target.name);
    const application = at ? applications[at.index] : undefined;
    if (at?.field === "outcome" && target.value !== "approved") {
      const amount = fieldOf(form, rowFieldName(at.index, "grantedAmount"));
      const box = fieldOf(form, rowFieldName(at.index, "confirmOverRequest")) as HTMLInputElement | null;
      if (amount) amount.value = "";
      if (box) box.checked = false;
    }
    const data = new FormData(form);
    if (at && application) {
      const shows = showsConfirmation(data, at.index, application.requestedAmount);
      if (shows !== confirming.has(application.id))
        setConfirming((previous) => {
          const next = new Map(previous);
          if (shows) next.set(application.id, false);
          else next.delete(application.id);
          return next;
        });
    }
    const values = meetingValuesFromForm(data, applications);
    setTotals(meetingTotals(values.rows));
    if (submitted.current && target.name) setErrors((previous) => recheck(previous, values, [target.name]));
  };

  // The shared text goes into every row that has an outcome and no motivation yet; the officer edits it there.
  const copyMotivation = () => {
    const form = formRef.current;
    const shared = form ? fieldOf(form, "sharedMotivation") : null;
    if (!form || !shared) return;
    const text = shared.value.trim();
    if (!text) {
      shared.focus();
      return;
    }
    const changed: string[] = [];
    applications.forEach((_, index) => {
      const motivation = fieldOf(form, rowFieldName(index, "motivation"));
      if (fieldOf(form, rowFieldName(index, "outcome"))?.value !== "" && motivation && motivation.value.trim() === "") {
        motivation.value = text;
        changed.push(motivation.name);
      }
    });
    setCopied(t("copied", { count: changed.length }));
    if (submitted.current && changed.length > 0) {
      const values = meetingValuesFromForm(new FormData(form), applications);
      setErrors((previous) => recheck(previous, values, changed));
    }
  };

  /*
   * The total bar is sticky at the bottom of the screen on wider screens. A field that takes focus (by Tab, by an
   * error link, by the focus after a refusal) must never end up under it: scroll it clear. On a phone it is not sticky.
   */
  const keepClearOfBar = (event: React.FocusEvent<HTMLFormElement>) => {
    const bar = barRef.current;
    if (!bar || getComputedStyle(bar).position !== "sticky" || bar.contains(event.target)) return;
    const field = event.target.getBoundingClientRect();
    const barTop = bar.getBoundingClientRect().top;
    const overlap = field.bottom + 8 - barTop;
    if (overlap > 0) window.scrollBy({ top: overlap });
  };

  const rowErrors = listRowErrors(errors);

  return (
    <form ref={formRef} method="post" onSubmit={onSubmit} onInput={onInput} onFocus={keepClearOfBar} noValidate className="flex flex-col gap-6">
      <input type="hidden" name="roundId" value={roundId} />
      {formError || saved ? (
        <div ref={alertRef} tabIndex={-1}>
          {formError ? (
            <Alert tone="error" title={t("errorsTitle")}>
              <p>{translateValidationMessage(formError, locale)}</p>
              {rowErrors.length > 0 ? (
                <>
                  <p className="mt-2">{t("rowErrors")}</p>
                  <ul className="list-disc pl-6">
                    {rowErrors.map((e) => (
                      <li key={e.index}>
                        <a
                          href={`#${rowFieldId(e.index, e.field)}`}
                          className="underline"
                          onClick={(event) => {
                            event.preventDefault();
                            document.getElementById(rowFieldId(e.index, e.field))?.focus();
                          }}
                        >
                          {applications[e.index]?.registrationNumber ?? e.index + 1}: {translateValidationMessage(e.message, locale)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Alert>
          ) : (
            <Alert tone="success">{saved}</Alert>
          )}
        </div>
      ) : null}

      <fieldset className="flex max-w-3xl flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("common")}</legend>
        <TextField name="decidedOn" label={t("decidedOn")} type="date" required max={today} defaultValue={defaultDecidedOn} error={errors.top.decidedOn} />
        <TextAreaField
          name="sharedMotivation"
          label={t("sharedMotivation")}
          hint={t("sharedMotivationHint")}
          rows={3}
          error={errors.top.sharedMotivation}
        />
        <div className="flex flex-wrap items-center gap-4">
          <Button variant="secondary" onClick={copyMotivation}>
            {t("copyMotivation")}
          </Button>
          <p role="status" className="text-sm">
            {copied}
          </p>
        </div>
      </fieldset>

      <MeetingTable applications={applications} confirming={confirming} errors={errors.rows} />

      <RunningTotal ref={barRef} totals={totals} budget={budget} pending={pending} />
    </form>
  );
}

function RunningTotal({ totals, budget, pending, ref }: { totals: MeetingTotals; budget: number; pending: boolean; ref: React.Ref<HTMLDivElement> }) {
  const t = useTranslations("meeting");
  const f = uiFormat(toLocale(useLocale()));
  const { proposed, ...counts } = totals;
  const over = proposed > budget;
  return (
    // Sticky only from the sm breakpoint: on a phone a bar that stays on screen took a fifth of it.
    <div
      ref={ref}
      className={`bottom-0 z-10 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-md border-2 p-3 shadow-md sm:sticky sm:p-4 ${
        over ? "border-red-700 bg-red-50" : "border-brand-700 bg-white"
      }`}
    >
      <div className="flex flex-col gap-1">
        {over ? (
          // Seen at a glance; the sentence below says the same in words, so it is not announced twice.
          <span aria-hidden="true" className="self-start rounded border border-red-700 bg-white px-2 py-0.5 text-sm font-bold text-red-900">
            {t("overBudget")}
          </span>
        ) : null}
        <p aria-live="polite" className="font-semibold">
          {over
            ? t("totalOver", { proposed: f.amount(proposed), budget: f.amount(budget), over: f.amount(proposed - budget) })
            : t("totalWithin", { proposed: f.amount(proposed), budget: f.amount(budget), left: f.amount(budget - proposed) })}
        </p>
        <p className="text-sm text-slate-700">{t("counts", counts)}</p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </div>
  );
}
