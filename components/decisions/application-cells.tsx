import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { Td, Th } from "@/components/ui/table";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { formatAmount } from "@/lib/format/ui";
import { toLocale, type Locale } from "@/lib/i18n/config";

/*
 * The columns that say which application a row is, in a decided round's read-only table (rendered on the server).
 * The meeting's form draws the same columns in its own lighter cells (meeting-table.tsx).
 */

export function ApplicationHeadCells() {
  const t = useTranslations("meeting");
  return (
    <>
      <Th>{t("registrationNumber")}</Th>
      <Th>{t("organisation")}</Th>
      <Th>{t("project")}</Th>
      <Th numeric>{t("requested")}</Th>
    </>
  );
}

/** The cells' labels and language, read once by a table of many rows and handed to each. */
export type ApplicationCellLabels = { registrationNumber: string; organisation: string; project: string; requested: string; locale: Locale };

export function useApplicationCellLabels(): ApplicationCellLabels {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  return { registrationNumber: t("registrationNumber"), organisation: t("organisation"), project: t("project"), requested: t("requested"), locale };
}

export function ApplicationCells({ application, labels }: { application: MeetingApplication; labels: ApplicationCellLabels }) {
  return (
    <>
      <Td label={labels.registrationNumber} className="whitespace-nowrap">
        <Link href={`/ansokningar/${application.id}`} className="text-brand-700 underline">
          {application.registrationNumber}
        </Link>
      </Td>
      <Td label={labels.organisation}>{application.organisationName}</Td>
      <Td label={labels.project}>{application.projectTitle}</Td>
      <Td label={labels.requested} numeric>
        {formatAmount(application.requestedAmount, labels.locale)}
      </Td>
    </>
  );
}
