import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listPortalApplications, listPortalRoundTotals } from "@/db/queries/portal";
import { listRoundSummaries } from "@/db/queries/rounds";
import { PortalApplications, PortalRoundTotals } from "@/components/portal/portal-applications";
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
  // The scope comes from the user's own record: a coordinator can only ever see their organisation.
  const organisationId = user.organisationId;
  const rows = organisationId === null ? [] : listPortalApplications(getDb(), organisationId);
  const totals = organisationId === null ? [] : listPortalRoundTotals(getDb(), organisationId);
  return (
    <>
      <PageHeader title={t("portal.title", { organisation: user.organisationName ?? "" })} description={t("portal.intro")} />
      <section aria-labelledby="ansokningar" className="mb-8">
        <h2 id="ansokningar" className="mb-3 text-2xl font-semibold">
          {t("portal.applicationsHeading")}
        </h2>
        {rows.length === 0 ? <p>{t("portal.none")}</p> : <PortalApplications rows={rows} />}
      </section>
      {totals.length > 0 ? (
        <section aria-labelledby="per-omgang">
          <h2 id="per-omgang" className="mb-3 text-2xl font-semibold">
            {t("portal.totalsHeading")}
          </h2>
          <PortalRoundTotals rows={totals} />
        </section>
      ) : null}
    </>
  );
}
