import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { formatDateLong, formatKronor } from "@/lib/format";

/** A decided round's decisions, read-only: what its meeting page shows once nothing can be changed there. */
export async function DecidedRoundTable({ applications }: { applications: MeetingApplication[] }) {
  const t = await getTranslations("meeting");
  return (
    <Table caption={t("decidedCaption")}>
      <thead>
        <tr>
          <Th>{t("registrationNumber")}</Th>
          <Th>{t("organisation")}</Th>
          <Th>{t("project")}</Th>
          <Th numeric>{t("requested")}</Th>
          <Th>{t("outcome")}</Th>
          <Th numeric>{t("granted")}</Th>
          <Th>{t("decidedOn")}</Th>
          <Th>{t("motivation")}</Th>
        </tr>
      </thead>
      <tbody>
        {applications.map((application) => {
          const decision = application.decision;
          return (
            <tr key={application.id}>
              <Td label={t("registrationNumber")} className="whitespace-nowrap">
                <Link href={`/ansokningar/${application.id}`} className="text-brand-700 underline">
                  {application.registrationNumber}
                </Link>
              </Td>
              <Td label={t("organisation")}>{application.organisationName}</Td>
              <Td label={t("project")}>{application.projectTitle}</Td>
              <Td label={t("requested")} numeric>
                {formatKronor(application.requestedAmount)}
              </Td>
              <Td label={t("outcome")}>
                {decision ? (decision.outcome === "approved" ? t("approve") : t("reject")) : t("currentNone")}
              </Td>
              <Td label={t("granted")} numeric>
                {decision?.outcome === "approved" ? formatKronor(decision.grantedAmount) : "–"}
              </Td>
              <Td label={t("decidedOn")} className="whitespace-nowrap">
                {decision ? formatDateLong(decision.decidedOn) : "–"}
              </Td>
              <Td label={t("motivation")}>
                <span className="whitespace-pre-line">{decision?.motivation || "–"}</span>
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
