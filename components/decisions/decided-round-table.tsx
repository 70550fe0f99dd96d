import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import type { MeetingApplication } from "@/lib/decisions/meeting";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { ApplicationCells, ApplicationHeadCells, useApplicationCellLabels } from "./application-cells";

/** A decided round's decisions, read-only: what its meeting page shows once nothing can be changed there. */
export function DecidedRoundTable({ applications }: { applications: MeetingApplication[] }) {
  const t = useTranslations("meeting");
  const f = uiFormat(toLocale(useLocale()));
  const cellLabels = useApplicationCellLabels();
  return (
    <Table caption={t("decidedCaption")}>
      <thead>
        <tr>
          <ApplicationHeadCells />
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
              <ApplicationCells application={application} labels={cellLabels} />
              <Td label={t("outcome")}>{decision ? t(decision.outcome === "approved" ? "outcomeApproved" : "outcomeRejected") : t("currentNone")}</Td>
              <Td label={t("granted")} numeric>
                {decision?.outcome === "approved" ? f.amount(decision.grantedAmount) : "–"}
              </Td>
              <Td label={t("decidedOn")} className="whitespace-nowrap">
                {decision ? f.day(decision.decidedOn) : "–"}
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
