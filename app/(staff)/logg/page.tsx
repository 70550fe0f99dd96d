import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { AUDITED_ENTITY_TYPES, listAuditActors, listAuditTrail } from "@/db/queries/audit";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { FilterInput, FilterSelect } from "@/components/ui/filter-field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ColumnTable } from "@/components/ui/table";
import { auditTrailFilter, auditTrailSearch, changedFields, parseAuditTrailQuery } from "@/lib/audit/trail";
import { requireUser } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditTrail"))("title") };
}

/** /logg: the audit trail across the app for an admin, newest first, filtered by who, what, which entity and when. */
export default async function AuditTrailPage({ searchParams }: Props) {
  await requireUser("audit:read:all");
  const query = parseAuditTrailQuery(await searchParams);
  const db = getDb();
  const page = query.sida ?? 1;
  const { rows, total } = listAuditTrail(db, auditTrailFilter(query), page, PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const actors = listAuditActors(db);
  const t = await getTranslations("auditTrail");
  const f = await getUiFormat();

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/logg" className="mb-4 grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-4 sm:grid-cols-3">
        <FilterSelect id="vem" label={t("who")} any={t("anyone")} defaultValue={query.vem ?? ""} options={actors.map((a) => ({ value: a.id, label: a.name }))} />
        <FilterInput id="vad" label={t("what")} hint={t("whatHint")} defaultValue={query.vad ?? ""} />
        <FilterSelect
          id="typ"
          label={t("entity")}
          any={t("anyEntity")}
          defaultValue={query.typ ?? ""}
          options={AUDITED_ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityType.${type}`) }))}
        />
        <FilterInput id="id" label={t("entityId")} inputMode="numeric" defaultValue={query.id ?? ""} />
        <FilterInput id="fran" type="date" label={t("from")} defaultValue={query.fran ?? ""} />
        <FilterInput id="till" type="date" label={t("to")} defaultValue={query.till ?? ""} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <button type="submit" className={buttonClasses("primary")}>
            {t("filter")}
          </button>
          <Link href="/logg" className={buttonClasses("link")}>
            {t("clear")}
          </Link>
          <a href={`/logg/export${auditTrailSearch({ ...query, sida: undefined })}`} className={buttonClasses("secondary")}>
            {t("exportCsv")}
          </a>
        </div>
      </form>
      <p className="mb-2">{t("count", { total })}</p>
      {rows.length > 0 ? (
        <ColumnTable
          caption={t("caption")}
          captionHidden
          rows={rows}
          rowKey={(e) => e.id}
          columns={[
            { label: t("when"), cell: (e) => f.moment(e.at) },
            { label: t("who"), cell: (e) => e.actorLabel },
            { label: t("what"), cell: (e) => <code>{e.action}</code> },
            {
              label: t("entity"),
              cell: (e) =>
                `${(AUDITED_ENTITY_TYPES as readonly string[]).includes(e.entityType) ? t(`entityType.${e.entityType as (typeof AUDITED_ENTITY_TYPES)[number]}`) : e.entityType} ${e.entityId}`,
            },
            { label: t("fields"), cell: (e) => changedFields(e.before, e.after).join(", ") || "–" },
          ]}
        />
      ) : null}
      <Pagination
        page={Math.min(page, pages)}
        pages={pages}
        hrefFor={(p) => `/logg${auditTrailSearch(query, p)}`}
        labels={{ nav: t("pagination"), previous: t("previous"), next: t("next"), page: t("page", { page: Math.min(page, pages), pages }) }}
      />
    </>
  );
}
