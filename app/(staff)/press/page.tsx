import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listReleases } from "@/db/queries/press-releases";
import { ReleaseStatusBadge, StaleBadge } from "@/components/press/release-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { RELEASE_STATUSES, type ReleaseStatus } from "@/lib/enums";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";

const PRESS_PAGE_SIZE = 25;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("press"))("title") };
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function listHref(status: string, page: number): string {
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (page > 1) query.set("sida", String(page));
  const text = query.toString();
  return text ? `/press?${text}` : "/press";
}

export default async function PressPage({ searchParams }: Props) {
  const user = await requireUser(["press:write", "press:review"]);
  const params = await searchParams;
  const statusParam = single(params.status);
  const status = (RELEASE_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as ReleaseStatus) : undefined;
  const requested = Number(single(params.sida) || "1");
  const page = Number.isInteger(requested) && requested > 0 ? Math.min(requested, 10_000) : 1;
  const db = getDb();
  const { rows, total } = listReleases(db, { page, pageSize: PRESS_PAGE_SIZE, status });
  const pages = Math.max(1, Math.ceil(total / PRESS_PAGE_SIZE));
  const t = await getTranslations();
  const f = await getUiFormat();

  return (
    <>
      <PageHeader
        title={t("press.title")}
        description={t("press.intro")}
        actions={
          <>
            {hasPermission(user, "press:write") ? (
              <Link href="/press/ny" className={buttonClasses("primary")}>
                {t("press.new")}
              </Link>
            ) : null}
            {hasPermission(user, "template:write") ? (
              <Link href="/press/mallar" className={buttonClasses("secondary")}>
                {t("press.templates")}
              </Link>
            ) : null}
          </>
        }
      />
      <form method="get" action="/press" className="mb-4 flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-slate-50 p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="font-medium">
            {t("press.filterStatus")}
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="min-h-11 rounded-md border border-slate-500 bg-white px-2">
            <option value="">{t("press.allStatuses")}</option>
            {RELEASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pressStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("press.filter")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t("press.none")}</p>
      ) : (
        <Table caption={t("press.caption")} captionHidden>
          <thead>
            <tr>
              <Th>{t("press.headline")}</Th>
              <Th>{t("press.target")}</Th>
              <Th>{t("press.status")}</Th>
              <Th>{t("press.updated")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td label={t("press.headline")}>
                  <Link href={`/press/${row.id}`} className="text-brand-700 underline">
                    {row.headline}
                  </Link>
                </Td>
                <Td label={t("press.target")}>
                  <span>
                    {roundTitle(t, { ordinal: row.roundOrdinal, year: row.roundYear })}
                    {row.countyName ? `, ${row.countyName}` : ""}
                    <span className="block text-sm text-slate-700">{t(`pressTarget.${row.targetKind}`)}</span>
                  </span>
                </Td>
                <Td label={t("press.status")}>
                  <span className="flex flex-wrap gap-1">
                    <ReleaseStatusBadge status={row.status} />
                    {row.staleAt ? <StaleBadge /> : null}
                    {row.publishAt && (row.status === "scheduled" || row.status === "embargoed") ? (
                      <span className="text-sm">{f.moment(row.publishAt)}</span>
                    ) : null}
                  </span>
                </Td>
                <Td label={t("press.updated")}>{f.moment(row.updatedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => listHref(status ?? "", p)}
        labels={{ nav: t("press.pagination"), previous: t("press.previous"), next: t("press.next"), page: t("press.page", { page, pages }) }}
      />
    </>
  );
}
