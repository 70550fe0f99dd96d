import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getOrganisation } from "@/db/queries/organisations";
import { listCounties } from "@/db/queries/reference";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { organisationVersionOf } from "@/lib/organisations/update";
import { EditOrganisationForm } from "./edit-organisation-form";

type Props = { params: Promise<{ organisationId: string }> };

function organisationIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title names the organisation: only for those who may see the page (the others get 403 from the page).
  if (!hasPermission(await getCurrentUser(), "organisation:manage")) return {};
  const organisation = getOrganisation(getDb(), organisationIdOf((await params).organisationId));
  if (!organisation) return {};
  return { title: (await getTranslations("organisations"))("editTitle", { name: organisation.name }) };
}

export default async function EditOrganisationPage({ params }: Props) {
  const user = await requireUser("organisation:manage");
  const db = getDb();
  const organisation = getOrganisation(db, organisationIdOf((await params).organisationId));
  if (!organisation) notFound();
  const t = await getTranslations("organisations");
  const tMerge = await getTranslations("merge");

  return (
    <>
      <PageHeader title={t("editTitle", { name: organisation.name })} description={t("editIntro")} />
      <EditOrganisationForm
        counties={listCounties(db)}
        defaultValues={{
          organisationId: organisation.id,
          version: organisationVersionOf(organisation),
          name: organisation.name,
          shortName: organisation.shortName,
          kind: organisation.kind,
          countyCode: organisation.countyCode ?? "",
          municipalityCode: organisation.municipalityCode ?? "",
        }}
      />
      {hasPermission(user, "organisation:merge") ? (
        <section aria-labelledby="dubblett" className="mt-10 max-w-2xl border-t border-slate-300 pt-6">
          <h2 id="dubblett" className="text-xl font-semibold">
            {tMerge("sectionHeading")}
          </h2>
          <p className="mt-2 mb-3 text-slate-700">{tMerge("sectionIntro")}</p>
          <Link href={`/organisationer/${organisation.id}/sla-ihop`} className={buttonClasses("secondary")}>
            {tMerge("open")}
          </Link>
        </section>
      ) : null}
    </>
  );
}
