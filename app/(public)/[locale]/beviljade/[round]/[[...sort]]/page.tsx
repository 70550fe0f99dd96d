import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { SortHeader } from "@/components/ui/sort-header";
import { Table } from "@/components/ui/table";
import type { GrantSort, SortDirection } from "@/db/queries/newsroom";
import { formatList } from "@/lib/format";
import { formatAmount, formatDay } from "@/lib/format/ui";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import { grantsHref, newsroomHref, parseGrantSort } from "../../../nyheter/_lib/paths";
import { readGrants } from "../../read-grants";

/*
 * /beviljade/<round>: "Hela listan på projekt som fått pengar", public once the round is announced (a public release
 * of it exists). Sorting is in the path (/beviljade/5/sortera/belopp/fallande), so each order is a cached page.
 */

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ locale: string; round: string; sort?: string[] }> };

async function load(params: Props["params"]) {
  const p = await params;
  const locale = toLocale(p.locale);
  const order = parseGrantSort(p.sort);
  if (!order) notFound();
  const data = await readGrants(p.round, locale, order.sort, order.direction);
  if (!data) notFound();
  return { locale, order, ...data };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, round, title } = await load(params);
  const t = await getTranslations({ locale, namespace: "newsroom.grants" });
  return {
    title: `${t("title")}: ${title}`,
    description: t("intro"),
    alternates: { canonical: grantsHref(locale, round.id), types: { "text/csv": publicHref(`/beviljade/${round.id}.csv`, locale), "application/json": publicHref(`/beviljade/${round.id}.json`, locale) } },
  };
}

/** Td's cell classes (components/ui/table.tsx), given once to the body's cells. */
const CELLS = "[&>tr>td]:border-b [&>tr>td]:border-slate-200 [&>tr>td]:px-3 [&>tr>td]:py-2 [&>tr>td]:align-top";
const NUMERIC = "text-right tabular-nums whitespace-nowrap";

const COLUMNS: { sort: GrantSort; key: "organisation" | "county" | "amount" | "date"; numeric?: boolean }[] = [
  { sort: "organisation", key: "organisation" },
  { sort: "county", key: "county" },
  { sort: "amount", key: "amount", numeric: true },
  { sort: "date", key: "date" },
];

export default async function GrantsPage({ params }: Props) {
  const { locale, order, round, title, grants } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations("newsroom.grants");
  const total = grants.reduce((sum, g) => sum + g.amount, 0);
  const header = (column: (typeof COLUMNS)[number]) => {
    const active = order.sort === column.sort;
    // A click on the active column turns its order; another column starts with the order a reader expects first.
    const next: SortDirection = active ? (order.direction === "asc" ? "desc" : "asc") : column.sort === "amount" || column.sort === "date" ? "desc" : "asc";
    return (
      <SortHeader
        key={column.key}
        label={t(column.key)}
        href={grantsHref(locale, round.id, column.sort, next)}
        active={active}
        direction={order.direction}
        numeric={column.numeric}
        sortLabel={t("sortBy", { column: t(column.key) })}
      />
    );
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("round", { programme: round.programmeName, round: title })} />
      <p className="mb-4 max-w-prose">{t("intro")}</p>
      <p className="mb-4 font-semibold">{t("summary", { count: grants.length, amount: formatAmount(total, locale) })}</p>
      <Table caption={t("caption", { round: title })}>
        <thead>
          <tr>
            {header(COLUMNS[0]!)}
            <th scope="col" className="border-b border-slate-300 bg-slate-100 px-3 py-2 font-semibold">
              {t("project")}
            </th>
            {COLUMNS.slice(1).map(header)}
          </tr>
        </thead>
        {/* The cells' look is set once on the body, not repeated on each of the list's cells (Td would): the page is
            HTML and again RSC payload, so every byte a row carries is sent twice on each request (issue 14). */}
        <tbody className={CELLS}>
          {grants.map((g) => (
            <tr key={g.applicationId}>
              <td data-label={t("organisation")}>
                <span lang="sv">{formatList(g.organisations)}</span>
              </td>
              <td data-label={t("project")}>
                <span lang="sv">
                  <span className="font-medium">{g.projectTitle}</span>
                  {g.description ? <span className="mt-1 block text-slate-700">{g.description}</span> : null}
                </span>
              </td>
              <td data-label={t("county")}>
                <span>{g.countyName ?? t("noCounty")}</span>
              </td>
              <td data-label={t("amount")} className={NUMERIC}>
                <span>{formatAmount(g.amount, locale)}</span>
              </td>
              <td data-label={t("date")}>
                <time dateTime={g.decidedOn}>{formatDay(g.decidedOn, locale)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <DataLinks locale={locale} roundId={round.id} labels={{ heading: t("download"), csv: t("csv"), json: t("json"), news: t("news") }} />
    </>
  );
}

function DataLinks({ locale, roundId, labels }: { locale: Locale; roundId: number; labels: { heading: string; csv: string; json: string; news: string } }) {
  return (
    <section aria-labelledby="data" className="mt-6">
      <h2 id="data" className="mb-2 text-lg font-semibold">
        {labels.heading}
      </h2>
      <ul className="flex flex-wrap gap-4">
        <li>
          <a href={publicHref(`/beviljade/${roundId}.csv`, locale)} className="text-brand-700 underline" download>
            {labels.csv}
          </a>
        </li>
        <li>
          <a href={publicHref(`/beviljade/${roundId}.json`, locale)} className="text-brand-700 underline">
            {labels.json}
          </a>
        </li>
        <li>
          <Link href={newsroomHref(locale)} className="text-brand-700 underline">
            {labels.news}
          </Link>
        </li>
      </ul>
    </section>
  );
}
