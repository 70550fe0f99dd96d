"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm, useWatch, type Control, type FieldErrors } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { formatKronor, formatKronorPlain, parseKronor } from "@/lib/format/amount";
import { recordMeetingDecisionsAction } from "./actions";
import { meetingSchema, type MeetingFormInput, type MeetingFormOutput } from "@/lib/decisions/meeting-schema";

type Props = {
  roundId: number;
  budget: number;
  applications: MeetingApplication[];
  defaultDecidedOn: string;
};

/** "1 200 000", as an officer would type it. */
function amountText(amount: number): string {
  return formatKronorPlain(amount).replace(/ kronor$/, "");
}

function defaultRows(applications: MeetingApplication[]): MeetingFormInput["rows"] {
  return applications.map((a) => ({
    applicationId: a.id,
    outcome: a.decision?.outcome ?? "",
    grantedAmount: a.decision?.outcome === "approved" ? amountText(a.decision.grantedAmount) : "",
    expectedVersion: a.decision?.version ?? "",
  }));
}

/**
 * Every application of a round with a proposed outcome and amount, a running total against the budget and one
 * button that makes all the decisions. The server records them all or none; a refusal comes back at its row.
 */
export function MeetingForm({ roundId, budget, applications, defaultDecidedOn }: Props) {
  const t = useTranslations("meeting");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [focusAlert, setFocusAlert] = useState(0);
  useEffect(() => {
    if (focusAlert) alertRef.current?.focus();
  }, [focusAlert]);

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
    defaultValues: { roundId, decidedOn: defaultDecidedOn, motivation: "", rows: defaultRows(applications) },
  });

  // After the meeting is recorded the page reloads its rows (new decisions, new versions): start from them, keeping
  // the date and motivation the officer typed.
  useEffect(() => {
    const { decidedOn, motivation } = getValues();
    reset({ roundId, decidedOn, motivation, rows: defaultRows(applications) });
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
        if (first) setFocus(first);
        else setFocusAlert((n) => n + 1);
      });
    },
    () => {
      setSaved(null);
      setFormError(t("checkRows"));
    },
  );

  const rowErrors = listRowErrors(errors, applications);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError || saved ? (
        <div ref={alertRef} tabIndex={-1}>
          {formError ? (
            <Alert tone="error" title={t("errorsTitle")}>
              <p>{formError}</p>
              {rowErrors.length > 0 ? (
                <>
                  <p className="mt-2">{t("rowErrors")}</p>
                  <ul className="list-disc pl-6">
                    {rowErrors.map((e) => (
                      <li key={e.index}>
                        {e.registrationNumber}: {e.message}
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

      {/* scroll-mb-40 on the row fields: a field focused for its error scrolls clear of the sticky total. */}
      <Table caption={t("caption")}>
        <thead>
          <tr>
            <Th>{t("registrationNumber")}</Th>
            <Th>{t("organisation")}</Th>
            <Th>{t("project")}</Th>
            <Th numeric>{t("requested")}</Th>
            <Th>{t("current")}</Th>
            <Th>{t("outcome")}</Th>
            <Th>{t("proposedAmount")}</Th>
          </tr>
        </thead>
        <tbody>
          {applications.map((application, index) => {
            const outcomeError = errors.rows?.[index]?.outcome?.message;
            const amountError = errors.rows?.[index]?.grantedAmount?.message;
            const outcomeErrorId = `rad-${index}-beslut-fel`;
            const amountErrorId = `rad-${index}-belopp-fel`;
            const decision = application.decision;
            return (
              <tr key={application.id} className={outcomeError || amountError ? "bg-red-50" : undefined}>
                <Td className="whitespace-nowrap">
                  <Link href={`/ansokningar/${application.id}`} className="text-brand-700 underline">
                    {application.registrationNumber}
                  </Link>
                </Td>
                <Td>{application.organisationName}</Td>
                <Td>{application.projectTitle}</Td>
                <Td numeric>{formatKronor(application.requestedAmount)}</Td>
                <Td>
                  {decision
                    ? decision.outcome === "approved"
                      ? t("currentApproved", { amount: formatKronor(decision.grantedAmount) })
                      : t("currentRejected")
                    : t("currentNone")}
                </Td>
                <Td>
                  <select
                    aria-label={t("outcomeFor", { registrationNumber: application.registrationNumber })}
                    aria-invalid={outcomeError ? true : undefined}
                    aria-describedby={outcomeError ? outcomeErrorId : undefined}
                    className={`min-h-11 scroll-mb-40 rounded-md border bg-white px-2 ${outcomeError ? "border-red-700" : "border-slate-500"}`}
                    {...register(`rows.${index}.outcome`, {
                      onChange: (event: { target: { value: string } }) => {
                        const amount = getValues(`rows.${index}.grantedAmount`);
                        // Approving starts from the amount applied for; the other outcomes grant nothing.
                        if (event.target.value === "approved" && String(amount ?? "").trim() === "") {
                          setValue(`rows.${index}.grantedAmount`, amountText(application.requestedAmount));
                        } else if (event.target.value !== "approved") {
                          setValue(`rows.${index}.grantedAmount`, "");
                        }
                      },
                    })}
                  >
                    {/* A decision once made is changed here, not taken back: that needs a reason, on its own page. */}
                    {decision ? null : <option value="">{t("undecided")}</option>}
                    <option value="approved">{t("approve")}</option>
                    <option value="rejected">{t("reject")}</option>
                  </select>
                  {outcomeError ? (
                    <p id={outcomeErrorId} className="mt-1 text-sm font-medium text-red-800">
                      {outcomeError}
                    </p>
                  ) : null}
                </Td>
                <Td>
                  <input
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    aria-label={t("amountFor", { registrationNumber: application.registrationNumber })}
                    aria-invalid={amountError ? true : undefined}
                    aria-describedby={amountError ? amountErrorId : undefined}
                    className={`min-h-11 w-36 scroll-mb-40 rounded-md border px-3 py-2 text-right tabular-nums ${amountError ? "border-red-700" : "border-slate-500"}`}
                    {...register(`rows.${index}.grantedAmount`)}
                  />
                  {amountError ? (
                    <p id={amountErrorId} className="mt-1 max-w-48 text-sm font-medium text-red-800">
                      {amountError}
                    </p>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>

      <fieldset className="flex max-w-3xl flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold">{t("common")}</legend>
        <TextField label={t("decidedOn")} type="date" required error={errors.decidedOn?.message} {...register("decidedOn")} />
        <TextAreaField label={t("motivation")} hint={t("motivationHint")} rows={3} error={errors.motivation?.message} {...register("motivation")} />
      </fieldset>

      <RunningTotal control={control} budget={budget} pending={pending} />
    </form>
  );
}

/** Watches the rows on its own, so typing an amount re-renders the total and not the whole table. */
function RunningTotal({ control, budget, pending }: { control: Control<MeetingFormInput, unknown, MeetingFormOutput>; budget: number; pending: boolean }) {
  const t = useTranslations("meeting");
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
    <div
      className={`sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-4 rounded-md border-2 p-4 shadow-md ${
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
            ? t("totalOver", { proposed: formatKronor(proposed), budget: formatKronor(budget), over: formatKronor(proposed - budget) })
            : t("totalWithin", { proposed: formatKronor(proposed), budget: formatKronor(budget), left: formatKronor(budget - proposed) })}
        </p>
        <p className="text-sm text-slate-700">{t("counts", counts)}</p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </div>
  );
}

function listRowErrors(errors: FieldErrors<MeetingFormInput>, applications: MeetingApplication[]) {
  const list: { index: number; registrationNumber: string; message: string }[] = [];
  applications.forEach((application, index) => {
    const row = errors.rows?.[index];
    const message = row?.outcome?.message ?? row?.grantedAmount?.message;
    if (message) list.push({ index, registrationNumber: application.registrationNumber, message });
  });
  return list;
}
