import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOrganisationsWithUsers, listUsers, USER_PAGE_SIZE } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { FilterInput, FilterSelect } from "@/components/ui/filter-field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ColumnTable } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { ROLES } from "@/lib/enums";
import { getUiFormat } from "@/lib/i18n/server";
import { parseUserListQuery, userListFilter, userListSearch } from "@/lib/users/list-query";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

/** /anvandare: every account for an admin, searched and filtered, 50 a page in Swedish name order. */
export default async function UsersPage({ searchParams }: Props) {
  await requireUser("user:manage");
  const query = parseUserListQuery(await searchParams);
  const db = getDb();
  const page = query.sida ?? 1;
  const { rows, total } = listUsers(db, userListFilter(query), page);
  const pages = Math.max(1, Math.ceil(total / USER_PAGE_SIZE));
  const organisations = listOrganisationsWithUsers(db);
  const t = await getTranslations("users");
  const tRoot = await getTranslations();
  const f = await getUiFormat();

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Link href="/anvandare/ny" className={buttonClasses("primary")}>
            {t("newUser")}
          </Link>
        }
      />
      <form method="get" action="/anvandare" className="mb-4 grid gap-3 rounded-md border border-slate-300 bg-slate-50 p-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterInput id="sok" type="search" label={t("search")} hint={t("searchHint")} defaultValue={query.sok ?? ""} />
        <FilterSelect id="roll" label={t("role")} any={t("anyRole")} defaultValue={query.roll ?? ""} options={ROLES.map((role) => ({ value: role, label: tRoot(`roles.${role}`) }))} />
        <FilterSelect
          id="organisation"
          label={t("organisation")}
          any={t("anyOrganisation")}
          defaultValue={query.organisation ?? ""}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <FilterSelect
          id="status"
          label={t("status")}
          any={t("anyStatus")}
          defaultValue={query.status ?? ""}
          options={[
            { value: "aktiva", label: t("statusEnabled") },
            { value: "avstangda", label: t("statusDisabled") },
          ]}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className={buttonClasses("primary")}>
            {t("filter")}
          </button>
          <Link href="/anvandare" className={buttonClasses("link")}>
            {t("clear")}
          </Link>
        </div>
      </form>
      <p className="mb-2" role="status">
        {t("count", { total })}
      </p>
      {rows.length > 0 ? (
        <ColumnTable
          caption={t("caption")}
          captionHidden
          rows={rows}
          rowKey={(u) => u.id}
          columns={[
            {
              label: t("name"),
              cell: (u) => (
                <Link href={`/anvandare/${u.id}`} className="font-medium text-brand-700 underline">
                  {u.name}
                </Link>
              ),
            },
            { label: t("email"), cell: (u) => <span className="break-all">{u.email}</span> },
            { label: t("role"), cell: (u) => tRoot(`roles.${u.role}`) },
            { label: t("organisation"), cell: (u) => u.organisationName ?? t("noOrganisation") },
            {
              label: t("status"),
              cell: (u) => {
                const state = u.disabled ? "disabled" : u.activated ? "active" : "invited";
                return <Badge tone={state === "disabled" ? "danger" : state === "active" ? "success" : "info"}>{t(`state.${state}`)}</Badge>;
              },
            },
            { label: t("lastSignIn"), cell: (u) => (u.lastSignedInAt ? f.moment(u.lastSignedInAt) : t("never")) },
          ]}
        />
      ) : null}
      <Pagination
        page={Math.min(page, pages)}
        pages={pages}
        hrefFor={(p) => `/anvandare${userListSearch(query, p)}`}
        labels={{ nav: t("pagination"), previous: t("previous"), next: t("next"), page: t("page", { page: Math.min(page, pages), pages }) }}
      />
    </>
  );
}
