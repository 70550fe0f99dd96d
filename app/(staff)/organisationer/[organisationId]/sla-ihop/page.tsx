import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getOrganisation, searchOrganisations } from "@/db/queries/organisations";
import { getCounty } from "@/db/queries/reference";
import type { Organisation } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm } from "@/components/ui/search-form";
import { Table, Td, Th } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { previewOrganisationMerge } from "@/lib/organisations/merge";
import { organisationVersionOf } from "@/lib/organisations/update";
import { MergeConfirm } from "./merge-confirm";

/*
 * /organisationer/<kept>/sla-ihop: merging a duplicate into this organisation (admins, organisation:merge). Step one
 * is a bounded search for the duplicate (GET, ?sok=), step two the preview of what moves (?med=<duplicate id>) with
 * its confirm button; a merge the rules refuse (both lead an application in one round) shows why instead.
 */

const PICKER_LIMIT = 10;

type Props = { params: Promise<{ organisationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function idOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!hasPermission(await getCurrentUser(), "organisation:merge")) return {};
  const id = idOf((await params).organisationId);
  const organisation = id ? getOrganisation(getDb(), id) : null;
  if (!organisation) return {};
  return { title: (await getTranslations("merge"))("title", { name: organisation.name }) };
}

export default async function MergeOrganisationPage({ params, searchParams }: Props) {
  await requireUser("organisation:merge");
  const keptId = idOf((await params).organisationId);
  if (!keptId) notFound();
  const db = getDb();
  const kept = getOrganisation(db, keptId);
  if (!kept) notFound();
  const query = await searchParams;
  const search = single(query.sok).slice(0, 200);
  const duplicateId = idOf(single(query.med));
  const t = await getTranslations("merge");
  const tKind = await getTranslations("organisationKind");
  const f = await getUiFormat();
  const candidates = search ? searchOrganisations(db, search, kept.id, PICKER_LIMIT) : [];
  const preview = duplicateId && duplicateId !== kept.id ? previewOrganisationMerge(db, kept.id, duplicateId) : null;
  const base = `/organisationer/${kept.id}/sla-ihop`;

  return (
    <>
      <PageHeader title={t("title", { name: kept.name })} description={t("intro", { name: kept.name })} />

      <section aria-labelledby="valj" className="mb-8">
        <h2 id="valj" className="mb-3 text-xl font-semibold">
          {t("pickHeading")}
        </h2>
        <SearchForm action={base} label={t("search")} hint={t("searchHint", { max: PICKER_LIMIT })} defaultValue={search} submit={t("searchSubmit")} />
        {search && candidates.length === 0 ? <p>{t("noResults", { search })}</p> : null}
        {candidates.length > 0 ? (
          <Table caption={t("resultsCaption")}>
            <thead>
              <tr>
                <Th>{t("name")}</Th>
                <Th>{t("kind")}</Th>
                <Th>{t("county")}</Th>
                <Th>
                  <span className="sr-only">{t("choose")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.id}>
                  <Td label={t("name")}>{c.name}</Td>
                  <Td label={t("kind")}>{tKind(c.kind)}</Td>
                  <Td label={t("county")}>{c.countyName ?? t("none")}</Td>
                  <Td label={t("choose")}>
                    <Link href={`${base}?${new URLSearchParams({ sok: search, med: String(c.id) }).toString()}`} className="text-brand-700 underline" aria-label={t("chooseLabel", { name: c.name })}>
                      {t("choose")}
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </section>

      {preview ? (
        <section aria-labelledby="granska" className="flex flex-col gap-4">
          <h2 id="granska" className="text-xl font-semibold">
            {t("previewHeading")}
          </h2>
          <Table caption={t("compareCaption")}>
            <thead>
              <tr>
                <Th>{t("field")}</Th>
                <Th>{t("kept")}</Th>
                <Th>{t("removed")}</Th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["rowName", (o: Organisation) => o.name],
                  ["rowShortName", (o: Organisation) => o.shortName],
                  ["rowKind", (o: Organisation) => tKind(o.kind)],
                  ["rowCounty", (o: Organisation) => (o.countyCode ? (getCounty(db, o.countyCode)?.name ?? o.countyCode) : t("none"))],
                  ["rowMunicipality", (o: Organisation) => o.municipalityCode ?? t("none")],
                ] as const
              ).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row" className="border-b border-slate-200 px-3 py-2 font-semibold">
                    {t(key)}
                  </th>
                  <Td label={t("kept")}>{value(preview.kept)}</Td>
                  <Td label={t("removed")}>{value(preview.duplicate)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>

          {preview.refusal ? (
            <Alert tone="error" title={t("refusedTitle")}>
              {translateValidationMessage(preview.refusal, f.locale)}
            </Alert>
          ) : (
            <>
              <h3 className="text-lg font-semibold">{t("movesHeading")}</h3>
              <ul className="list-disc pl-6">
                <li>{t("movesLeads", { count: preview.plan.leadApplicationIds.length, removed: preview.duplicate.name, kept: preview.kept.name })}</li>
                <li>{t("movesCo", { count: preview.plan.coApplicationIds.length, removed: preview.duplicate.name, kept: preview.kept.name })}</li>
                {preview.plan.dedupedCoApplicationIds.length > 0 ? <li>{t("movesDeduped", { count: preview.plan.dedupedCoApplicationIds.length, kept: preview.kept.name })}</li> : null}
                {preview.plan.droppedCoApplicationIds.length > 0 ? <li>{t("movesDropped", { count: preview.plan.droppedCoApplicationIds.length, kept: preview.kept.name })}</li> : null}
                <li>{t("movesUsers", { count: preview.plan.userIds.length, kept: preview.kept.name })}</li>
              </ul>
              <p>{t("keepsNote", { kept: preview.kept.name })}</p>
              <p>{t("removedNote", { removed: preview.duplicate.name })}</p>
              {preview.plan.roundIds.length > 0 ? <p>{t("pressNote")}</p> : null}
              <MergeConfirm
                duplicateName={preview.duplicate.name}
                reloadHref={`${base}?med=${preview.duplicate.id}`}
                input={{
                  keptId: preview.kept.id,
                  duplicateId: preview.duplicate.id,
                  keptVersion: organisationVersionOf(preview.kept),
                  duplicateVersion: organisationVersionOf(preview.duplicate),
                  leadCount: preview.plan.leadApplicationIds.length,
                  coApplicationCount: preview.plan.coApplicationIds.length + preview.plan.dedupedCoApplicationIds.length + preview.plan.droppedCoApplicationIds.length,
                  userCount: preview.plan.userIds.length,
                }}
              />
            </>
          )}
          <div className="flex flex-wrap gap-4">
            <Link href={`/organisationer/${preview.duplicate.id}/sla-ihop?med=${preview.kept.id}`} className={buttonClasses("link")}>
              {t("swap", { name: preview.duplicate.name })}
            </Link>
            <Link href={`/organisationer/${kept.id}/redigera`} className={buttonClasses("link")}>
              {t("cancel")}
            </Link>
          </div>
        </section>
      ) : null}
    </>
  );
}
