import type { Metadata } from "next";
import { cache } from "react";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listRoundApplications } from "@/db/queries/application-list";
import { countApplicationsInRound } from "@/db/queries/applications";
import { listCounties } from "@/db/queries/reference";
import { getRound } from "@/db/queries/rounds";
import { APPLICATION_STATUSES, ORGANISATION_KINDS } from "@/lib/enums";
import { StatusBadge } from "@/components/applications/status-badge";
import { RoundStatistics } from "@/components/statistics/round-statistics";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SavedNotice } from "@/components/ui/saved-notice";
import { SortHeader } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import { PAGE_SIZE, listQuery, parseListParams, type SortKey } from "@/lib/applications/list-params";
import { applicationScope, hasPermission } from "@/lib/auth/permissions";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { exportHref } from "@/lib/export/href";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { roundProgrammeName } from "@/lib/i18n/programme-name";

type Props = { params: Promise<{ roundId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The round, read once per request: the metadata and the page both need it (React cache()). */
const loadRound = cache((id: number) => getRound(getDb(), id));

type CountyOption = { code: string; name: string };
/**
 * The county filter's options: reference data that never changes while the server runs (db/reference, loaded by the
 * migrations and the seed), so read once per process and connection instead of once per request.
 */
const countyOptionsOf = new WeakMap<object, CountyOption[]>();
function countyOptions(db: ReturnType<typeof getDb>): CountyOption[] {
  let options = countyOptionsOf.get(db);
  if (!options) countyOptionsOf.set(db, (options = listCounties(db)));
  return options;
}

function roundIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await viewerWith("application:read:any"))) return {};
  const round = loadRound(roundIdOf((await params).roundId));
  if (!round) return {};
  const t = await getTranslations();
  return { title: roundTitle(t, round) };
}

export default async function RoundPage({ params, searchParams }: Props) {
  const user = await requireUser("application:read:any");
  const db = getDb();
  const round = loadRound(roundIdOf((await params).roundId));
  if (!round) notFound();
  const requested = parseListParams(await searchParams);
  const { rows, total, page } = listRoundApplications(db, round.id, requested, applicationScope(user));
  // A page past the end (?sida=99) shows the last page, and the links on it say so.
  const list = { ...requested, sida: page };
  const filtered = Boolean(list.sok || list.status || list.lan || list.typ);
  const empty = total === 0 && (!filtered || countApplicationsInRound(db, round.id) === 0);
  const t = await getTranslations();
  const f = await getUiFormat();
  const title = roundTitle(t, round);
  const open = round.status === "open" || round.status === "planned";
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const base = `/omgangar/${round.id}`;
  // Searching, sorting and paging land on the results (the count, then the table), not at the top of the page: on
  // a phone the search form alone fills the screen.
  const anchor = "#resultat";
  // Each row's cell labels and status in words, translated once for the page rather than once per row.
  const column = {
    registrationNumber: t("round.registrationNumber"),
    organisation: t("round.organisation"),
    project: t("round.project"),
    status: t("round.status"),
    requested: t("round.requested"),
    granted: t("round.granted"),
  };
  const statusLabel = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, t(`applicationStatus.${s}`)])) as Record<(typeof APPLICATION_STATUSES)[number], string>;
  const sortHeader = (key: SortKey, label: string, numeric = false) => (
    <SortHeader
      label={label}
      numeric={numeric}
      active={list.sortera === key}
      direction={list.ordning}
      href={`${base}${listQuery(list, { sortera: key, ordning: list.sortera === key && list.ordning === "asc" ? "desc" : "asc", sida: 1 })}${anchor}`}
      sortLabel={t("round.sortBy", { column: label })}
    />
  );

  return (
    <>
      <PageHeader
        title={title}
        description={roundProgrammeName(round, f.locale)}
        actions={
          <>
            {hasPermission(user, "application:write") && open ? (
              <Link href={`${base}/ny-ansokan`} className={buttonClasses("primary")}>
                {t("round.registerApplication")}
              </Link>
            ) : null}
            {hasPermission(user, "decision:write") ? (
              <Link href={`${base}/beslutsmote`} className={buttonClasses("secondary")}>
                {t("round.meeting")}
              </Link>
            ) : null}
            {hasPermission(user, "application:write") ? (
              <Link href={`${base}/import`} className={buttonClasses("secondary")}>
                {t("round.import")}
              </Link>
            ) : null}
            {hasPermission(user, "round:manage") ? (
              <Link href={`${base}/redigera`} className={buttonClasses("secondary")}>
                {t("round.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <SavedNotice />
      <p className="mb-4">
        <span className="font-semibold">{t("round.roundStatus")}:</span> {t(`roundStatus.${round.status}`)}
        {!open ? <span className="text-slate-700"> – {t("round.closedNotice")}</span> : null}
      </p>

      <section aria-labelledby="ansokningar-rubrik" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="ansokningar-rubrik" className="text-2xl font-semibold">
            {t("round.applicationsHeading")}
          </h2>
          <p className="flex gap-4">
            <a href={exportHref(round.id, list, "csv")} className="text-brand-700 underline" download>
              {t("round.exportCsv")}
            </a>
            <a href={exportHref(round.id, list, "xlsx")} className="text-brand-700 underline" download>
              {t("round.exportXlsx")}
            </a>
          </p>
        </div>
        {empty ? (
          <p className="mb-4" role="status">
            {t("round.empty")}
          </p>
        ) : (
          <>
            <form method="get" action={`${base}${anchor}`} role="search" className="mb-4 grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-5">
              <div className="flex flex-col gap-1 lg:col-span-2">
                <label htmlFor="sok" className="font-medium">
                  {t("round.search")}
                </label>
                <input id="sok" name="sok" type="search" defaultValue={list.sok} aria-describedby="sok-hint" className="min-h-11 rounded-md border border-slate-500 px-3" />
                <p id="sok-hint" className="text-sm text-slate-700">
                  {t("round.searchHint")}
                </p>
              </div>
              <Select id="status" label={t("round.status")} value={list.status} allLabel={t("round.all")}
                options={APPLICATION_STATUSES.map((s) => ({ value: s, label: statusLabel[s] }))} />
              <Select id="lan" label={t("round.county")} value={list.lan} allLabel={t("round.all")}
                options={countyOptions(db).map((c) => ({ value: c.code, label: c.name }))} />
              <Select id="typ" label={t("round.kind")} value={list.typ} allLabel={t("round.all")}
                options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))} />
              {list.sortera !== "diarienummer" ? <input type="hidden" name="sortera" value={list.sortera} /> : null}
              {list.ordning !== "asc" ? <input type="hidden" name="ordning" value={list.ordning} /> : null}
              <div className="flex flex-wrap items-end gap-3 lg:col-span-5">
                <button type="submit" className={buttonClasses("primary")}>
                  {t("round.filter")}
                </button>
                <Link href={`${base}${anchor}`} className={buttonClasses("link")}>
                  {t("round.clear")}
                </Link>
              </div>
            </form>

            <p id="resultat" tabIndex={-1} className="mb-2 scroll-mt-4" role="status">
              {total === 0
                ? t("round.results", { total })
                : t("round.showing", { from: (list.sida - 1) * PAGE_SIZE + 1, to: Math.min(list.sida * PAGE_SIZE, total), total })}
            </p>
          </>
        )}
        {rows.length > 0 ? (
          <Table caption={t("round.caption")} captionHidden>
            <thead>
              <tr>
                {sortHeader("diarienummer", column.registrationNumber)}
                {sortHeader("organisation", column.organisation)}
                {sortHeader("projekt", column.project)}
                {sortHeader("status", column.status)}
                {sortHeader("belopp", column.requested, true)}
                {sortHeader("beviljat", column.granted, true)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <Td label={column.registrationNumber} className="whitespace-nowrap">
                    <Link href={`/ansokningar/${row.id}`} className="text-brand-700 underline">
                      {row.registrationNumber}
                    </Link>
                  </Td>
                  <Td label={column.organisation}>
                    {row.organisationName}
                    {row.countyName ? <span className="block text-slate-700">{row.countyName}</span> : null}
                  </Td>
                  <Td label={column.project}>{row.projectTitle}</Td>
                  <Td label={column.status}>
                    <StatusBadge status={row.status} label={statusLabel[row.status]} />
                  </Td>
                  <Td label={column.requested} numeric>
                    {f.amount(row.requestedAmount)}
                  </Td>
                  <Td label={column.granted} numeric>
                    {row.status === "approved" && row.grantedAmount !== null ? f.amount(row.grantedAmount) : "–"}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
        <Pagination
          page={list.sida}
          pages={pages}
          hrefFor={(p) => `${base}${listQuery(list, { sida: p })}${anchor}`}
          labels={{ nav: t("round.pagination"), previous: t("round.previous"), next: t("round.next"), page: t("round.page", { page: list.sida, pages }) }}
        />
      </section>

      {hasPermission(user, "statistics:read") ? <RoundStatistics roundId={round.id} /> : null}
    </>
  );
}

function Select({ id, label, value, allLabel, options }: { id: string; label: string; value: string | undefined; allLabel: string; options: { value: string; label: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className="min-h-11 rounded-md border border-slate-500 bg-white px-2">
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
