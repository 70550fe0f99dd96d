import { useLocale, useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import { Table, Th } from "@/components/ui/table";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { initialRowValues, rowFieldId, rowFieldName, type RowField } from "@/lib/decisions/meeting-form-data";
import { formatAmount } from "@/lib/format/ui";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

/*
 * The decision meeting's rows (issue 14): up to 500 of them, each an application with its outcome, amount,
 * confirmation of more than requested and motivation. They are uncontrolled fields (a default value and a name, no
 * form library, no state, no watcher per row): the form around them (meeting-form.tsx) reads them back from the form
 * when they change and when it is sent. Each row is a memoised component without hooks, so a change to one row's
 * errors or confirmation renders that row and no other, and typing renders none.
 *
 * Bytes count: 500 rows of cells and fields, each with the same classes, were most of the page's HTML. So the cells
 * and fields carry no classes of their own: the tbody styles them through its children (the same Tailwind rules that
 * Td and the form's fields use), and a field has an id only while it has an error (the error summary links to it).
 */

/** What one row shows beside its application: the messages at its fields (none for a row without errors). */
export type RowErrors = Partial<Record<RowField, string>>;

const BODY = [
  // Every cell as Td draws it; the requested amount as a numeric Td; a row with an error marked.
  "[&>tr>td]:border-b [&>tr>td]:border-slate-200 [&>tr>td]:px-3 [&>tr>td]:py-2 [&>tr>td]:align-top",
  "[&>tr>td:first-child]:whitespace-nowrap [&>tr>td:nth-child(4)]:text-right [&>tr>td:nth-child(4)]:tabular-nums [&>tr>td:nth-child(4)]:whitespace-nowrap",
  "[&>tr[data-invalid]]:bg-red-50 [&_a]:text-brand-700 [&_a]:underline",
  // The fields, as the form's own (select, text field, text area), with a red border while invalid.
  "[&_select]:min-h-11 [&_select]:rounded-md [&_select]:border [&_select]:border-slate-500 [&_select]:bg-white [&_select]:px-2",
  "[&_input[inputmode]]:min-h-11 [&_input[inputmode]]:w-28 [&_input[inputmode]]:rounded-md [&_input[inputmode]]:border [&_input[inputmode]]:border-slate-500 [&_input[inputmode]]:px-3 [&_input[inputmode]]:py-2 [&_input[inputmode]]:text-right [&_input[inputmode]]:tabular-nums",
  "[&_textarea]:min-h-11 [&_textarea]:w-56 [&_textarea]:max-w-full [&_textarea]:rounded-md [&_textarea]:border [&_textarea]:border-slate-500 [&_textarea]:px-3 [&_textarea]:py-2",
  "[&_[aria-invalid=true]]:border-red-700",
  "[&_label]:mt-2 [&_label]:flex [&_label]:min-h-11 [&_label]:max-w-48 [&_label]:items-center [&_label]:gap-2 [&_label]:text-sm",
  "[&_input[type=checkbox]]:size-5 [&_input[type=checkbox]]:shrink-0",
  // The decision as it stands, and a field's error (the paragraph with an id).
  "[&_p]:mt-1 [&_p]:max-w-40 [&_p]:text-sm [&_p]:text-slate-700 [&_p[id]]:max-w-48 [&_p[id]]:font-medium [&_p[id]]:text-red-800",
].join(" ");

/*
 * Stands for a row's registration number or amount in its labels: the labels are formatted once per render of the
 * table, not once per row (500 rows, a dozen texts each, were a fifth of what the page cost to render).
 */
const SLOT = "\u{F8FF}";
const fill = (label: string, value: string) => label.split(SLOT).join(value);

type RowLabels = {
  locale: Locale;
  registrationNumber: string;
  organisation: string;
  project: string;
  requested: string;
  outcome: string;
  proposedAmount: string;
  motivation: string;
  undecided: string;
  approve: string;
  reject: string;
  current: string;
  currentApproved: string;
  currentRejected: string;
  confirmOverRequest: string;
  outcomeFor: string;
  amountFor: string;
  confirmOverRequestFor: string;
  motivationFor: string;
};

function useRowLabels(): RowLabels {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  return useMemo(
    () => ({
      locale,
      registrationNumber: t("registrationNumber"),
      organisation: t("organisation"),
      project: t("project"),
      requested: t("requested"),
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
    [t, locale],
  );
}

type TableProps = {
  applications: readonly MeetingApplication[];
  /**
   * The rows whose confirmation of more than requested shows, by application id, each with whether the box starts
   * checked (a decision already over its request was confirmed when it was made; a box the amount brings up is not).
   */
  confirming: ReadonlyMap<number, boolean>;
  /** The rows with errors, by row index; a row's object changes only when its own errors do. */
  errors: Readonly<Record<number, RowErrors>>;
};

/** The meeting's table. Memoised: the running total changes with every keystroke, the table only with its props. */
export const MeetingTable = memo(function MeetingTable({ applications, confirming, errors }: TableProps) {
  const t = useTranslations("meeting");
  const labels = useRowLabels();
  return (
    <Table caption={t("caption")}>
      <thead>
        <tr>
          <Th>{labels.registrationNumber}</Th>
          <Th>{labels.organisation}</Th>
          <Th>{labels.project}</Th>
          <Th numeric>{labels.requested}</Th>
          <Th>{labels.outcome}</Th>
          <Th>{labels.proposedAmount}</Th>
          <Th>{labels.motivation}</Th>
        </tr>
      </thead>
      <tbody className={BODY}>
        {applications.map((application, index) => (
          <MeetingRow
            // A decision made or changed gives the row a new key: it starts again from the decision as recorded.
            key={`${application.id}:${application.decision?.version ?? 0}`}
            index={index}
            application={application}
            labels={labels}
            confirming={confirming.get(application.id)}
            errors={errors[index]}
          />
        ))}
      </tbody>
    </Table>
  );
});

type RowProps = {
  index: number;
  application: MeetingApplication;
  labels: RowLabels;
  /** Whether the confirmation shows (a boolean: whether it starts checked), or not (undefined). */
  confirming: boolean | undefined;
  errors: RowErrors | undefined;
};

/** One application's row: no hooks, so React renders it again only when one of its props changes. */
const MeetingRow = memo(function MeetingRow({ index, application, labels: l, confirming, errors }: RowProps) {
  const rn = application.registrationNumber;
  const decision = application.decision;
  const initial = initialRowValues(application);
  // Only a field with an error carries an id and a description (bytes, at 500 rows).
  const errorOf = (field: RowField) => {
    const message = errors?.[field];
    if (!message) return { field: {}, text: null };
    const id = rowFieldId(index, field);
    return {
      field: { id, "aria-invalid": true, "aria-describedby": `${id}-fel` },
      text: <p id={`${id}-fel`}>{translateValidationMessage(message, l.locale)}</p>,
    };
  };
  const outcome = errorOf("outcome");
  const amount = errorOf("grantedAmount");
  const confirm = errorOf("confirmOverRequest");
  const motivation = errorOf("motivation");

  return (
    <tr data-invalid={errors ? "" : undefined}>
      <td data-label={l.registrationNumber}>
        {/* A plain link: next/link's client part, 500 times over, cost more to render than the rest of the row. */}
        <a href={`/ansokningar/${application.id}`}>{rn}</a>
      </td>
      <td data-label={l.organisation}>{application.organisationName}</td>
      <td data-label={l.project}>{application.projectTitle}</td>
      <td data-label={l.requested}>{formatAmount(application.requestedAmount, l.locale)}</td>
      <td data-label={l.outcome}>
        <select name={rowFieldName(index, "outcome")} aria-label={fill(l.outcomeFor, rn)} defaultValue={initial.outcome} {...outcome.field}>
          {/* A decision once made is changed here, not taken back: that needs a reason, on its own page. */}
          {decision ? null : <option value="">{l.undecided}</option>}
          <option value="approved">{l.approve}</option>
          <option value="rejected">{l.reject}</option>
        </select>
        {/* The decision as it stands, under the proposal: a column of its own made the table too wide for a laptop. */}
        {decision ? (
          // One text, not three: React marks the seams between texts in its HTML.
          <p>{`${l.current}: ${decision.outcome === "approved" ? fill(l.currentApproved, formatAmount(decision.grantedAmount, l.locale)) : l.currentRejected}`}</p>
        ) : null}
        {outcome.text}
      </td>
      <td data-label={l.proposedAmount}>
        <input
          name={rowFieldName(index, "grantedAmount")}
          inputMode="numeric"
          autoComplete="off"
          aria-label={fill(l.amountFor, rn)}
          defaultValue={initial.grantedAmount}
          {...amount.field}
        />
        {amount.text}
        {confirming !== undefined ? (
          <label>
            <input
              name={rowFieldName(index, "confirmOverRequest")}
              type="checkbox"
              aria-label={fill(l.confirmOverRequestFor, rn)}
              defaultChecked={confirming}
              {...confirm.field}
            />
            <span aria-hidden="true">{l.confirmOverRequest}</span>
          </label>
        ) : null}
        {confirm.text}
      </td>
      <td data-label={l.motivation}>
        <textarea name={rowFieldName(index, "motivation")} rows={2} aria-label={fill(l.motivationFor, rn)} defaultValue={initial.motivation} {...motivation.field} />
        {motivation.text}
      </td>
    </tr>
  );
});
