import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOrganisationsWithUsers, listUsers, USER_PAGE_SIZE } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
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
  const field = "min-h-11 rounded-md border border-slate-500 bg-white px-2";

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
        <div className="flex flex-col gap-1">
          <label htmlFor="sok" className="font-medium">
            {t("search")}
          </label>
          <input id="sok" name="sok" type="search" defaultValue={query.sok ?? ""} aria-describedby="sok-hint" className={field} />
          <p id="sok-hint" className="text-sm text-slate-700">
            {t("searchHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="roll" className="font-medium">
            {t("role")}
          </label>
          <select id="roll" name="roll" defaultValue={query.roll ?? ""} className={field}>
            <option value="">{t("anyRole")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoot(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="organisation" className="font-medium">
            {t("organisation")}
          </label>
          <select id="organisation" name="organisation" defaultValue={query.organisation ?? ""} className={field}>
            <option value="">{t("anyOrganisation")}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="font-medium">
            {t("status")}
          </label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className={field}>
            <option value="">{t("anyStatus")}</option>
            <option value="aktiva">{t("statusEnabled")}</option>
            <option value="avstangda">{t("statusDisabled")}</option>
          </select>
        </div>
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
        <Table caption={t("caption")} captionHidden>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("email")}</Th>
              <Th>{t("role")}</Th>
              <Th>{t("organisation")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("lastSignIn")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => {
              const state = u.disabled ? "disabled" : u.activated ? "active" : "invited";
              return (
                <tr key={u.id}>
                  <Td label={t("name")}>
                    <Link href={`/anvandare/${u.id}`} className="font-medium text-brand-700 underline">
                      {u.name}
                    </Link>
                  </Td>
                  <Td label={t("email")}>
                    <span className="break-all">{u.email}</span>
                  </Td>
                  <Td label={t("role")}>{tRoot(`roles.${u.role}`)}</Td>
                  <Td label={t("organisation")}>{u.organisationName ?? t("noOrganisation")}</Td>
                  <Td label={t("status")}>
                    <Badge tone={state === "disabled" ? "danger" : state === "active" ? "success" : "info"}>{t(`state.${state}`)}</Badge>
                  </Td>
                  <Td label={t("lastSignIn")}>{u.lastSignedInAt ? f.moment(u.lastSignedInAt) : t("never")}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
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
