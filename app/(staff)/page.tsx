import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getPortalOverview, PORTAL_PAGE_SIZE, PORTAL_ROUNDS_PAGE_SIZE } from "@/db/queries/portal";
import { listRoundSummaryPage, ROUND_PAGE_SIZE } from "@/db/queries/rounds";
import { PortalApplications, PortalRoundTotals } from "@/components/portal/portal-applications";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { roundProgrammeName } from "@/lib/i18n/programme-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** ?sida=2: the page asked for, 1 for anything that is not a whole number. */
function pageOf(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser(["statistics:read", "application:read:own-organisation"]);
  const params = await searchParams;
  const page = pageOf(params.sida);
  if (hasPermission(user, "statistics:read")) return <RoundsOverview user={user} page={page} />;
  return <OrganisationOverview user={user} page={page} roundsPage={pageOf(params.omgangar)} />;
}

/** The start page's link to a page of its list (page 1 is the plain address). */
const pageHref = (page: number) => (page > 1 ? `/?sida=${page}` : "/");

/** Every round with its figures, a page of them at a time: the page costs the same with 5 rounds or 500. */
async function RoundsOverview({ user, page: requested }: { user: SessionUser; page: number }) {
  const t = await getTranslations();
  const f = await getUiFormat();
  const { rows: summaries, total, page, pages } = listRoundSummaryPage(getDb(), requested);
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
      {pages > 1 ? (
        <>
          <p className="mt-3 text-slate-700">
            {t("overview.showing", { from: (page - 1) * ROUND_PAGE_SIZE + 1, to: (page - 1) * ROUND_PAGE_SIZE + summaries.length, total })}
          </p>
          <Pagination
            page={page}
            pages={pages}
            hrefFor={pageHref}
            labels={{ nav: t("overview.pagination"), previous: t("overview.previous"), next: t("overview.next"), page: t("overview.page", { page, pages }) }}
          />
        </>
      ) : null}
    </>
  );
}

/** The portal's link to a page of its applications and of its totals per round (page 1 of each is left out). */
function portalHref(pages: { applications: number; rounds: number }, anchor: string): string {
  const query = new URLSearchParams();
  if (pages.applications > 1) query.set("sida", String(pages.applications));
  if (pages.rounds > 1) query.set("omgangar", String(pages.rounds));
  return `/${query.size > 0 ? `?${query}` : ""}#${anchor}`;
}

/**
 * The coordinator's portal: a page of the organisation's applications (?sida=) and a page of its totals per round
 * (?omgangar=), both from the totals kept per organisation and round, so the page costs the same for an
 * organisation in three applications and one in thousands (db/queries/portal.ts).
 */
async function OrganisationOverview({ user, page: requested, roundsPage }: { user: SessionUser; page: number; roundsPage: number }) {
  const t = await getTranslations();
  // The scope comes from the user's own record: a coordinator can only ever see their organisation.
  const organisationId = user.organisationId;
  const empty = { rows: [], total: 0, page: 1, pages: 1 };
  const { applications, rounds } =
    organisationId === null ? { applications: empty, rounds: empty } : getPortalOverview(getDb(), organisationId, { applications: requested, rounds: roundsPage });
  const { rows, total, page, pages } = applications;
  return (
    <>
      <PageHeader title={t("portal.title", { organisation: user.organisationName ?? "" })} description={t("portal.intro")} />
      <section aria-labelledby="ansokningar" className="mb-8">
        <h2 id="ansokningar" className="mb-3 text-2xl font-semibold">
          {t("portal.applicationsHeading")}
        </h2>
        {rows.length === 0 ? <p>{t("portal.none")}</p> : <PortalApplications rows={rows} />}
        {pages > 1 ? (
          <>
            <p className="mt-3 text-slate-700">
              {t("portal.showing", { from: (page - 1) * PORTAL_PAGE_SIZE + 1, to: (page - 1) * PORTAL_PAGE_SIZE + rows.length, total })}
            </p>
            <Pagination
              page={page}
              pages={pages}
              hrefFor={(p) => portalHref({ applications: p, rounds: rounds.page }, "ansokningar")}
              labels={{ nav: t("portal.pagination"), previous: t("portal.previous"), next: t("portal.next"), page: t("portal.page", { page, pages }) }}
            />
          </>
        ) : null}
      </section>
      {rounds.rows.length > 0 ? (
        <section aria-labelledby="per-omgang">
          <h2 id="per-omgang" className="mb-3 text-2xl font-semibold">
            {t("portal.totalsHeading")}
          </h2>
          <PortalRoundTotals rows={rounds.rows} />
          {rounds.pages > 1 ? (
            <>
              <p className="mt-3 text-slate-700">
                {t("portal.showingRounds", {
                  from: (rounds.page - 1) * PORTAL_ROUNDS_PAGE_SIZE + 1,
                  to: (rounds.page - 1) * PORTAL_ROUNDS_PAGE_SIZE + rounds.rows.length,
                  total: rounds.total,
                })}
              </p>
              <Pagination
                page={rounds.page}
                pages={rounds.pages}
                hrefFor={(p) => portalHref({ applications: page, rounds: p }, "per-omgang")}
                labels={{
                  nav: t("portal.roundsPagination"),
                  previous: t("portal.previous"),
                  next: t("portal.next"),
                  page: t("portal.page", { page: rounds.page, pages: rounds.pages }),
                }}
              />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
