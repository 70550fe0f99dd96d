"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import {
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Path,
  type UseFormGetValues,
  type UseFormRegister,
} from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApplicationCells, ApplicationHeadCells, useApplicationCellLabels } from "@/components/decisions/application-cells";
import { Table, Td, Th } from "@/components/ui/table";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { formatKronorPlain, parseKronor } from "@/lib/format/amount";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { recordMeetingDecisionsAction } from "./actions";
import { meetingSchema, type MeetingFormInput, type MeetingFormOutput } from "@/lib/decisions/meeting-schema";

type Props = {
  roundId: number;
  budget: number;
  applications: MeetingApplication[];
  defaultDecidedOn: string;
  /** Today in Stockholm (YYYY-MM-DD), from the server: the latest decision date the form offers. */
  today: string;
};

type FormControl = Control<MeetingFormInput, unknown, MeetingFormOutput>;
type FieldPath = Path<MeetingFormInput>;
type RowField = "outcome" | "grantedAmount" | "motivation" | "confirmOverRequest";

/** "1 200 000", as an officer would type it. */
function amountText(amount: number): string {
  return formatKronorPlain(amount).replace(/ kronor$/, "");
}

function defaultRows(applications: MeetingApplication[]): MeetingFormInput["rows"] {
  return applications.map((a) => ({
    applicationId: a.id,
    outcome: a.decision?.outcome ?? "",
    grantedAmount: a.decision?.outcome === "approved" ? amountText(a.decision.grantedAmount) : "",
    motivation: a.decision?.motivation ?? "",
    requestedAmount: a.requestedAmount,
    // A decision already over its request was confirmed when it was made.
    confirmOverRequest: a.decision?.outcome === "approved" && a.decision.grantedAmount > a.requestedAmount,
    expectedVersion: a.decision?.version ?? "",
  }));
}

/*
 * Stands for a row's registration number or amount in its labels: the labels are formatted once per render, not
 * once per row (500 rows, a dozen texts each, were a fifth of what the page cost to render on the server).
 */
const SLOT = "\u{F8FF}";
const fill = (label: string, value: string) => label.split(SLOT).join(value);

type RowLabels = ReturnType<typeof useRowLabels>;

function useRowLabels() {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  const cells = useApplicationCellLabels();
  return useMemo(
    () => ({
      f: uiFormat(locale),
      cells,
      outcome: t("outcome"),
      proposedAmount: t("proposedAmount"),
      motivation: t("motivation"),
      undecided: t("undecided"),
      approve: t("approve"),
      reject: t("reject"),
      current: t("current"),
      currentApproved: t("currentApproved", { amount: SLOT }),
      currentRejected: t("currentRejected"),
      confirmOverRequest: t("confirmOverRequest"),
      outcomeFor: t("outcomeFor", { registrationNumber: SLOT }),
      amountFor: t("amountFor", { registrationNumber: SLOT }),
      confirmOverRequestFor: t("confirmOverRequestFor", { registrationNumber: SLOT }),
      motivationFor: t("motivationFor", { registrationNumber: SLOT }),
    }),
    // cells is a new object each render; its texts change only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale],
  );
}

/** The id of a row's field, for the error summary's links and for focus. */
const fieldId = (index: number, field: RowField) => `rad-${index}-${field}`;

/**
 * Every application of a round with a proposed outcome, amount and motivation, a running total against the budget
 * and one button that makes all the decisions. The server records them all or none; a refusal comes back at its row.
 */
export function MeetingForm({ roundId, budget, applications, defaultDecidedOn, today }: Props) {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const [focusAlert, setFocusAlert] = useState(0);
  useEffect(() => {
    if (focusAlert) alertRef.current?.focus();
  }, [focusAlert]);
  /*
   * The field to focus once the error summary above the form has rendered. Focusing at once (as react-hook-form
   * does by default) scrolled the field clear of the total bar, and then the summary appeared and pushed it back
   * under the bar.
   */
  const [focusField, setFocusField] = useState<{ name: FieldPath; n: number } | null>(null);

  const {
    register,
    control,
    handleSubmit,
    getValues,
    setValue,
    setError,
    setFocus,
    reset,
    formState: { errors },
  } = useForm<MeetingFormInput, unknown, MeetingFormOutput>({
    resolver: zodResolver(meetingSchema),
    shouldFocusError: false,
    defaultValues: { roundId, decidedOn: defaultDecidedOn, sharedMotivation: "", rows: defaultRows(applications) },
  });

  useEffect(() => {
    if (focusField) setFocus(focusField.name);
  }, [focusField, setFocus]);
  const focusLater = (name: FieldPath) => setFocusField((previous) => ({ name, n: (previous?.n ?? 0) + 1 }));

  // After the meeting is recorded the page reloads its rows (new decisions, new versions): start from them, keeping
  // the date and the shared text the officer typed.
  useEffect(() => {
    const { decidedOn, sharedMotivation } = getValues();
    reset({ roundId, decidedOn, sharedMotivation, rows: defaultRows(applications) });
  }, [applications, roundId, getValues, reset]);

  const onSubmit = handleSubmit(
    () => {
      setFormError(null);
      setSaved(null);
      startTransition(async () => {
        // The raw values, not the parsed ones: the server parses them again with the same schema.
        const result = await recordMeetingDecisionsAction(getValues());
        if (result.ok) {
          const { created, updated, unchanged } = result.data;
          setSaved([t("saved", { count: created + updated }), t("unchangedNote", { count: unchanged })].filter(Boolean).join(" "));
          setFocusAlert((n) => n + 1);
          router.refresh();
          return;
        }
        setFormError(result.formError);
        const first = applyServerErrors(setError, result);
        if (first) focusLater(first);
        else setFocusAlert((n) => n + 1);
      });
    },
    (invalid) => {
      setSaved(null);
      setFormError(t("checkRows"));
      const first = firstErrorField(invalid, applications.length);
      if (first) focusLater(first);
      else setFocusAlert((n) => n + 1);
    },
  );

  // The shared text goes into every row that has an outcome and no motivation yet; the officer edits it there.
  const copyMotivation = () => {
    const text = (getValues("sharedMotivation") ?? "").trim();
    if (!text) {
      setFocus("sharedMotivation");
      return;
    }
    let count = 0;
    getValues("rows").forEach((row, index) => {
      if (row.outcome !== "" && String(row.motivation ?? "").trim() === "") {
        setValue(`rows.${index}.motivation`, text, { shouldDirty: true });
        count++;
      }
    });
    setCopied(t("copied", { count }));
  };

  /*
   * The total bar is sticky at the bottom of the screen on wider screens. A field that takes focus (by Tab, by an
   * error link, by setFocus) must never end up under it: scroll it clear. On a phone the bar is not sticky at all.
   */
  const keepClearOfBar = (event: React.FocusEvent<HTMLFormElement>) => {
    const bar = barRef.current;
    if (!bar || getComputedStyle(bar).position !== "sticky" || bar.contains(event.target)) return;
    const field = event.target.getBoundingClientRect();
    const barTop = bar.getBoundingClientRect().top;
    const overlap = field.bottom + 8 - barTop;
    if (overlap > 0) window.scrollBy({ top: overlap });
  };

  const rowErrors = listRowErrors(errors, applications);
  const labels = useRowLabels();

  return (
    <form method="post" onSubmit={onSubmit} onFocus={keepClearOfBar} noValidate className="flex flex-col gap-6">
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
                          href={`#${fieldId(e.index, e.field)}`}
                          className="underline"
                          onClick={(event) => {
                            event.preventDefault();
                            setFocus(`rows.${e.index}.${e.field}`);
                          }}
                        >
                          {e.registrationNumber}: {translateValidationMessage(e.message, locale)}
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
        <TextField label={t("decidedOn")} type="date" required max={today} error={errors.decidedOn?.message} {...register("decidedOn")} />
        <TextAreaField
          label={t("sharedMotivation")}
          hint={t("sharedMotivationHint")}
          rows={3}
          error={errors.sharedMotivation?.message}
          {...register("sharedMotivation")}
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

      <Table caption={t("caption")}>
        <thead>
          <tr>
            <ApplicationHeadCells />
            <Th>{t("outcome")}</Th>
            <Th>{t("proposedAmount")}</Th>
            <Th>{t("motivation")}</Th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application, index) => (
            <MeetingRowFields
              key={application.id}
              index={index}
              application={application}
              control={control}
              register={register}
              getValues={getValues}
              setValue={setValue}
              errors={errors}
              labels={labels}
            />
          ))}
        </tbody>
      </Table>

      <RunningTotal ref={barRef} control={control} budget={budget} pending={pending} />
    </form>
  );
}

function MeetingRowFields({
  index,
  application,
  control,
  register,
  getValues,
  setValue,
  errors,
  labels: l,
}: {
  index: number;
  application: MeetingApplication;
  control: FormControl;
  register: UseFormRegister<MeetingFormInput>;
  getValues: UseFormGetValues<MeetingFormInput>;
  setValue: (name: `rows.${number}.grantedAmount` | `rows.${number}.confirmOverRequest`, value: string | boolean) => void;
  errors: FieldErrors<MeetingFormInput>;
  labels: RowLabels;
}) {
  const f = l.f;
  const outcome = useWatch({ control, name: `rows.${index}.outcome` });
  const amount = useWatch({ control, name: `rows.${index}.grantedAmount` });
  const rowErrors = errors.rows?.[index];
  const message = (field: RowField) => rowErrors?.[field]?.message;
  const describedBy = (field: RowField) => (message(field) ? `${fieldId(index, field)}-fel` : undefined);
  const decision = application.decision;
  const typed = parseKronor(String(amount ?? ""));
  const overRequest = outcome === "approved" && typed !== null && typed > application.requestedAmount;
  const invalid = (["outcome", "grantedAmount", "motivation", "confirmOverRequest"] as const).some((f) => message(f));
  const rn = application.registrationNumber;
  const errorText = (field: RowField) =>
    message(field) ? (
      <p id={`${fieldId(index, field)}-fel`} className="mt-1 max-w-48 text-sm font-medium text-red-800">
        {translateValidationMessage(message(field) ?? "", f.locale)}
      </p>
    ) : null;

  return (
    <tr className={invalid ? "bg-red-50" : undefined}>
      <ApplicationCells application={application} labels={l.cells} />
      <Td label={l.outcome}>
        <select
          id={fieldId(index, "outcome")}
          aria-label={fill(l.outcomeFor, rn)}
          aria-invalid={message("outcome") ? true : undefined}
          aria-describedby={describedBy("outcome")}
          className={`min-h-11 rounded-md border bg-white px-2 ${message("outcome") ? "border-red-700" : "border-slate-500"}`}
          {...register(`rows.${index}.outcome`, {
            onChange: (event: { target: { value: string } }) => {
              // The amount is never proposed for the officer (no one-click approval of the full request); the other
              // outcomes grant nothing.
              if (event.target.value !== "approved") {
                setValue(`rows.${index}.grantedAmount`, "");
                setValue(`rows.${index}.confirmOverRequest`, false);
              }
            },
          })}
        >
          {/* A decision once made is changed here, not taken back: that needs a reason, on its own page. */}
          {decision ? null : <option value="">{l.undecided}</option>}
          <option value="approved">{l.approve}</option>
          <option value="rejected">{l.reject}</option>
        </select>
        {/* The decision as it stands, under the proposal: a column of its own made the table too wide for a laptop. */}
        {decision ? (
          <p className="mt-1 max-w-40 text-sm text-slate-700">
            {l.current}:{" "}
            {decision.outcome === "approved" ? fill(l.currentApproved, f.amount(decision.grantedAmount)) : l.currentRejected}
          </p>
        ) : null}
        {errorText("outcome")}
      </Td>
      <Td label={l.proposedAmount}>
        <input
          id={fieldId(index, "grantedAmount")}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-label={fill(l.amountFor, rn)}
          aria-invalid={message("grantedAmount") ? true : undefined}
          aria-describedby={describedBy("grantedAmount")}
          className={`min-h-11 w-28 rounded-md border px-3 py-2 text-right tabular-nums ${message("grantedAmount") ? "border-red-700" : "border-slate-500"}`}
          {...register(`rows.${index}.grantedAmount`)}
        />
        {errorText("grantedAmount")}
        {overRequest || getValues(`rows.${index}.confirmOverRequest`) ? (
          <label className="mt-2 flex min-h-11 max-w-48 items-center gap-2 text-sm">
            <input
              id={fieldId(index, "confirmOverRequest")}
              type="checkbox"
              className="size-5 shrink-0"
              aria-label={fill(l.confirmOverRequestFor, rn)}
              aria-invalid={message("confirmOverRequest") ? true : undefined}
              aria-describedby={describedBy("confirmOverRequest")}
              {...register(`rows.${index}.confirmOverRequest`)}
            />
            <span aria-hidden="true">{l.confirmOverRequest}</span>
          </label>
        ) : null}
        {errorText("confirmOverRequest")}
      </Td>
      <Td label={l.motivation}>
        <textarea
          id={fieldId(index, "motivation")}
          rows={2}
          aria-label={fill(l.motivationFor, rn)}
          aria-invalid={message("motivation") ? true : undefined}
          aria-describedby={describedBy("motivation")}
          className={`min-h-11 w-56 max-w-full rounded-md border px-3 py-2 ${message("motivation") ? "border-red-700" : "border-slate-500"}`}
          {...register(`rows.${index}.motivation`)}
        />
        {errorText("motivation")}
      </Td>
    </tr>
  );
}

/** Watches the rows on its own, so typing an amount re-renders the total and not the whole table. */
function RunningTotal({
  control,
  budget,
  pending,
  ref,
}: {
  control: FormControl;
  budget: number;
  pending: boolean;
  ref: React.Ref<HTMLDivElement>;
}) {
  const t = useTranslations("meeting");
  const f = uiFormat(toLocale(useLocale()));
  const rows = useWatch({ control, name: "rows" }) ?? [];
  let proposed = 0;
  const counts = { approved: 0, rejected: 0, undecided: 0 };
  for (const row of rows) {
    if (row?.outcome === "approved") {
      counts.approved++;
      proposed += parseKronor(String(row.grantedAmount ?? "")) ?? 0;
    } else if (row?.outcome === "rejected") counts.rejected++;
    else counts.undecided++;
  }
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

const ROW_FIELDS: RowField[] = ["outcome", "grantedAmount", "confirmOverRequest", "motivation"];

/** The first field with an error, in the order the form reads: the date, then the rows, each row left to right. */
function firstErrorField(errors: FieldErrors<MeetingFormInput>, rowCount: number): FieldPath | undefined {
  if (errors.decidedOn) return "decidedOn";
  if (errors.sharedMotivation) return "sharedMotivation";
  for (let index = 0; index < rowCount; index++) {
    const field = ROW_FIELDS.find((f) => errors.rows?.[index]?.[f]);
    if (field) return `rows.${index}.${field}`;
  }
  return undefined;
}

function listRowErrors(errors: FieldErrors<MeetingFormInput>, applications: MeetingApplication[]) {
  const list: { index: number; registrationNumber: string; field: RowField; message: string }[] = [];
  applications.forEach((application, index) => {
    const row = errors.rows?.[index];
    const field = ROW_FIELDS.find((f) => row?.[f]?.message);
    const message = field ? row?.[field]?.message : undefined;
    if (field && message) list.push({ index, registrationNumber: application.registrationNumber, field, message });
  });
  return list;
}
