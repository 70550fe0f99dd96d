import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ApplicationStatusBadge } from "@/components/applications/status-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { roundProgrammeName } from "@/lib/i18n/programme-name";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";

/* The shapes of db/queries/portal.ts's rows that these tables show (components do not import db/). */
type RoundOf = { roundOrdinal: number; roundYear: number; programmeName: string; programmeNameEn: string | null };

export type PortalApplicationRow = RoundOf & {
  id: number;
  registrationNumber: string;
  projectTitle: string;
  status: "received" | "approved" | "rejected";
  outcome: "approved" | "rejected" | null;
  grantedAmount: number | null;
  decidedOn: string | null;
  isLead: boolean;
};

export type PortalRoundTotalRow = RoundOf & {
  roundId: number;
  applications: number;
  approved: number;
  grantedAsLead: number;
  grantedAsCoApplicant: number;
};

/**
 * A coordinator's applications across every round, each a link to its page. On a phone the table stacks (one block
 * per application, each value labelled), so status and amount are on screen without scrolling sideways.
 */
export async function PortalApplications({ rows }: { rows: readonly PortalApplicationRow[] }) {
  const t = await getTranslations();
  const f = await getUiFormat();
  return (
    <Table caption={t("portal.applicationsCaption")} captionHidden>
      <thead>
        <tr>
          <Th>{t("portal.registrationNumber")}</Th>
          <Th>{t("portal.project")}</Th>
          <Th>{t("portal.round")}</Th>
          <Th>{t("portal.status")}</Th>
          <Th>{t("portal.decision")}</Th>
          <Th numeric>{t("portal.granted")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td label={t("portal.registrationNumber")}>
              <Link href={`/ansokningar/${row.id}`} className="font-medium whitespace-nowrap text-brand-700 underline">
                {row.registrationNumber}
              </Link>
            </Td>
            <Td label={t("portal.project")}>{row.projectTitle}</Td>
            <Td label={t("portal.round")}>
              <span>
                {roundTitle(t, { ordinal: row.roundOrdinal, year: row.roundYear })}
                <span className="block text-slate-700">{roundProgrammeName(row, f.locale)}</span>
              </span>
            </Td>
            <Td label={t("portal.status")}>
              <span className="flex flex-wrap gap-1">
                <ApplicationStatusBadge status={row.status} />
                {row.isLead ? null : <Badge tone="info">{t("portal.coApplicant")}</Badge>}
              </span>
            </Td>
            <Td label={t("portal.decision")}>
              {row.outcome && row.decidedOn
                ? t("portal.decidedOn", { outcome: t(`applicationStatus.${row.outcome}`), date: f.day(row.decidedOn) })
                : t("portal.noDecision")}
            </Td>
            <Td numeric label={t("portal.granted")}>
              {row.outcome === "approved" && row.grantedAmount !== null ? f.amount(row.grantedAmount) : "–"}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** What the organisation was granted per round: as applicant, and in joint applications as co-applicant. */
export async function PortalRoundTotals({ rows }: { rows: readonly PortalRoundTotalRow[] }) {
  const t = await getTranslations();
  const f = await getUiFormat();
  return (
    <Table caption={t("portal.totalsCaption")} captionHidden>
      <thead>
        <tr>
          <Th>{t("portal.round")}</Th>
          <Th numeric>{t("portal.totalsApplications")}</Th>
          <Th numeric>{t("portal.totalsApproved")}</Th>
          <Th numeric>{t("portal.grantedAsLead")}</Th>
          <Th numeric>{t("portal.grantedAsCoApplicant")}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.roundId}>
            <Td label={t("portal.round")}>
              <span>
                {roundTitle(t, { ordinal: row.roundOrdinal, year: row.roundYear })}
                <span className="block text-slate-700">{roundProgrammeName(row, f.locale)}</span>
              </span>
            </Td>
            <Td numeric label={t("portal.totalsApplications")}>{row.applications}</Td>
            <Td numeric label={t("portal.totalsApproved")}>{row.approved}</Td>
            <Td numeric label={t("portal.grantedAsLead")}>{f.amount(row.grantedAsLead)}</Td>
            <Td numeric label={t("portal.grantedAsCoApplicant")}>{f.amount(row.grantedAsCoApplicant)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
