import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getOrganisation, listOrganisations, ORGANISATION_PAGE_SIZE } from "@/db/queries/organisations";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm } from "@/components/ui/search-form";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisations"))("title") };
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function listHref(search: string, page: number): string {
  const query = new URLSearchParams();
  if (search) query.set("sok", search);
  if (page > 1) query.set("sida", String(page));
  const text = query.toString();
  return text ? `/organisationer?${text}` : "/organisationer";
}

export default async function OrganisationsPage({ searchParams }: Props) {
  await requireUser("organisation:manage");
  const params = await searchParams;
  const search = single(params.sok).slice(0, 200);
  const requested = Number(single(params.sida) || "1");
  const db = getDb();
  const first = listOrganisations(db, { search, page: 1 });
  const pages = Math.max(1, Math.ceil(first.total / ORGANISATION_PAGE_SIZE));
  const page = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), pages) : 1;
  const { rows, total } = page === 1 ? first : listOrganisations(db, { search, page });
  const savedId = Number(single(params.sparad));
  const saved = Number.isInteger(savedId) && savedId > 0 ? getOrganisation(db, savedId) : null;
  const mergedId = Number(single(params.sammanslagen));
  const merged = Number.isInteger(mergedId) && mergedId > 0 ? getOrganisation(db, mergedId) : null;
  const t = await getTranslations("organisations");
  const tKind = await getTranslations("organisationKind");
  const tMerge = await getTranslations("merge");

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {saved ? (
        <div className="mb-4">
          <Alert tone="success">{t("saved", { name: saved.name })}</Alert>
        </div>
      ) : null}
      {merged ? (
        <div className="mb-4">
          <Alert tone="success">{tMerge("done", { name: merged.name })}</Alert>
        </div>
      ) : null}
      <SearchForm
        action="/organisationer"
        label={t("search")}
        hint={t("searchHint")}
        defaultValue={search}
        submit={t("searchSubmit")}
        clear={{ href: "/organisationer", label: t("clear") }}
      />

      <p className="mb-2">
        {total === 0
          ? t("results", { total })
          : t("showing", { from: (page - 1) * ORGANISATION_PAGE_SIZE + 1, to: Math.min(page * ORGANISATION_PAGE_SIZE, total), total })}
      </p>
      {rows.length > 0 ? (
        <Table caption={t("caption")} captionHidden>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("kind")}</Th>
              <Th>{t("county")}</Th>
              <Th numeric>{t("applications")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td label={t("name")}>
                  <Link href={`/organisationer/${row.id}/redigera`} className="text-brand-700 underline">
                    {row.name}
                  </Link>
                </Td>
                <Td label={t("kind")}>{tKind(row.kind)}</Td>
                <Td label={t("county")}>{row.countyName ?? "–"}</Td>
                <Td label={t("applications")} numeric>
                  {row.applicationCount}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => listHref(search, p)}
        labels={{ nav: t("pagination"), previous: t("previous"), next: t("next"), page: t("page", { page, pages }) }}
      />
    </>
  );
}
