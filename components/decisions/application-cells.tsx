import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { Td, Th } from "@/components/ui/table";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { formatAmount } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";

/*
 * The columns that say which application a row is: the same in the decision meeting's form and in a decided round's
 * read-only table. No "use client": the meeting's form renders them in the browser, the decided table on the server.
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

export function ApplicationCells({ application }: { application: MeetingApplication }) {
  const t = useTranslations("meeting");
  const locale = toLocale(useLocale());
  return (
    <>
      <Td label={t("registrationNumber")} className="whitespace-nowrap">
        <Link href={`/ansokningar/${application.id}`} className="text-brand-700 underline">
          {application.registrationNumber}
        </Link>
      </Td>
      <Td label={t("organisation")}>{application.organisationName}</Td>
      <Td label={t("project")}>{application.projectTitle}</Td>
      <Td label={t("requested")} numeric>
        {formatAmount(application.requestedAmount, locale)}
      </Td>
    </>
  );
}
