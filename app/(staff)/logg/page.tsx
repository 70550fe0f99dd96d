import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { AUDITED_ENTITY_TYPES, listAuditActors, listAuditTrail } from "@/db/queries/audit";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
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
  const field = "min-h-11 rounded-md border border-slate-500 bg-white px-2";

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/logg" className="mb-4 grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="vem" className="font-medium">
            {t("who")}
          </label>
          <select id="vem" name="vem" defaultValue={query.vem ?? ""} className={field}>
            <option value="">{t("anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="vad" className="font-medium">
            {t("what")}
          </label>
          <input id="vad" name="vad" defaultValue={query.vad ?? ""} aria-describedby="vad-hint" className={field} />
          <p id="vad-hint" className="text-sm text-slate-700">
            {t("whatHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="typ" className="font-medium">
            {t("entity")}
          </label>
          <select id="typ" name="typ" defaultValue={query.typ ?? ""} className={field}>
            <option value="">{t("anyEntity")}</option>
            {AUDITED_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`entityType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="id" className="font-medium">
            {t("entityId")}
          </label>
          <input id="id" name="id" inputMode="numeric" defaultValue={query.id ?? ""} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="fran" className="font-medium">
            {t("from")}
          </label>
          <input id="fran" name="fran" type="date" defaultValue={query.fran ?? ""} className={field} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="till" className="font-medium">
            {t("to")}
          </label>
          <input id="till" name="till" type="date" defaultValue={query.till ?? ""} className={field} />
        </div>
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
        <Table caption={t("caption")} captionHidden>
          <thead>
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("who")}</Th>
              <Th>{t("what")}</Th>
              <Th>{t("entity")}</Th>
              <Th>{t("fields")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <Td label={t("when")}>{f.moment(e.at)}</Td>
                <Td label={t("who")}>{e.actorLabel}</Td>
                <Td label={t("what")}>
                  <code>{e.action}</code>
                </Td>
                <Td label={t("entity")}>
                  {(AUDITED_ENTITY_TYPES as readonly string[]).includes(e.entityType) ? t(`entityType.${e.entityType as (typeof AUDITED_ENTITY_TYPES)[number]}`) : e.entityType}{" "}
                  {e.entityId}
                </Td>
                <Td label={t("fields")}>{changedFields(e.before, e.after).join(", ") || "–"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
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
