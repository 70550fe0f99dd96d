import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listApplicationsForOrganisation } from "@/db/queries/applications";
import { listRoundSummaries } from "@/db/queries/rounds";
import { ApplicationStatusBadge } from "@/components/applications/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { roundProgrammeName } from "@/lib/i18n/programme-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const user = await requireUser(["statistics:read", "application:read:own-organisation"]);
  if (hasPermission(user, "statistics:read")) return <RoundsOverview user={user} />;
  return <OrganisationOverview user={user} />;
}

async function RoundsOverview({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const f = await getUiFormat();
  const summaries = listRoundSummaries(getDb());
  return (
    <>
      <PageHeader
        title={t("overview.title")}
        actions={
          hasPermission(user, "round:manage") ? (
            <Link href="/omgangar/ny" className={buttonClasses("primary")}>
              {t("overview.newRound")}
            </Link>
          ) : null
        }
      />
      <h2 className="mb-3 text-2xl font-semibold">{t("overview.roundsHeading")}</h2>
      {summaries.length === 0 ? (
        <p>{t("overview.noRounds")}</p>
      ) : (
        <Table caption={t("overview.roundsCaption")}>
          <thead>
            <tr>
              <Th>{t("overview.round")}</Th>
              <Th>{t("overview.status")}</Th>
              <Th numeric>{t("overview.received")}</Th>
              <Th numeric>{t("overview.approved")}</Th>
              <Th numeric>{t("overview.granted")}</Th>
              <Th numeric>{t("overview.budget")}</Th>
              <Th numeric>{t("overview.budgetLeft")}</Th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((round) => (
              <tr key={round.id}>
                <Td label={t("overview.round")}>
                  <Link href={`/omgangar/${round.id}`} className="font-medium text-brand-700 underline">
                    {roundTitle(t, round)}
                  </Link>
                  <span className="block text-slate-700">
                    {roundProgrammeName(round, f.locale)}
                    {round.isLast ? ` (${t("overview.lastRound")})` : ""}
                  </span>
                </Td>
                <Td label={t("overview.status")}>{t(`roundStatus.${round.status}`)}</Td>
                <Td numeric label={t("overview.received")}>{round.received}</Td>
                <Td numeric label={t("overview.approved")}>{round.approved}</Td>
                <Td numeric label={t("overview.granted")}>{f.amount(round.granted)}</Td>
                <Td numeric label={t("overview.budget")}>{f.amount(round.budget)}</Td>
                <Td numeric label={t("overview.budgetLeft")}>{f.amount(round.budget - round.granted)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

async function OrganisationOverview({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  const f = await getUiFormat();
  // The scope comes from the user's own record: a coordinator can only ever see their organisation.
  const rows = user.organisationId === null ? [] : listApplicationsForOrganisation(getDb(), user.organisationId);
  const totalGranted = rows.reduce((sum, row) => sum + (row.status === "approved" ? (row.grantedAmount ?? 0) : 0), 0);
  return (
    <>
      <PageHeader
        title={t("coordinator.title", { organisation: user.organisationName ?? "" })}
        description={t("coordinator.intro")}
      />
      <h2 className="mb-3 text-2xl font-semibold">{t("coordinator.applicationsHeading")}</h2>
      {rows.length === 0 ? (
        <p>{t("coordinator.none")}</p>
      ) : (
        <>
          <p className="mb-3">{t("coordinator.totalGranted", { amount: f.amount(totalGranted) })}</p>
          <Table caption={t("coordinator.applicationsHeading")} captionHidden>
            <thead>
              <tr>
                <Th>{t("coordinator.registrationNumber")}</Th>
                <Th>{t("coordinator.project")}</Th>
                <Th>{t("coordinator.round")}</Th>
                <Th>{t("coordinator.status")}</Th>
                <Th numeric>{t("coordinator.requested")}</Th>
                <Th numeric>{t("coordinator.granted")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap" label={t("coordinator.registrationNumber")}>
                    {row.registrationNumber}
                  </Td>
                  <Td label={t("coordinator.project")}>{row.projectTitle}</Td>
                  <Td label={t("coordinator.round")}>
                    {roundTitle(t, { ordinal: row.roundOrdinal, year: row.roundYear })}
                  </Td>
                  <Td label={t("coordinator.status")}>
                    <ApplicationStatusBadge status={row.status} />
                  </Td>
                  <Td numeric label={t("coordinator.requested")}>{f.amount(row.requestedAmount)}</Td>
                  <Td numeric label={t("coordinator.granted")}>{row.status === "approved" && row.grantedAmount !== null ? f.amount(row.grantedAmount) : "–"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
