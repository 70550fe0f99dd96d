import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOrganisationNameSuggestions } from "@/db/queries/pickers";
import { listCounties } from "@/db/queries/reference";
import { ApplicationForm } from "@/components/applications/application-form";
import { PageHeader } from "@/components/ui/page-header";
import { snapshotOf } from "@/lib/applications/update";
import { requireUser } from "@/lib/auth/session";
import { getApplicationDetail } from "@/db/queries/applications";
import { updateApplicationAction } from "@/app/(staff)/ansokningar/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("edit") };
}

export default async function EditApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  await requireUser("application:write");
  const db = getDb();
  const id = Number((await params).applicationId);
  const application = Number.isInteger(id) && id > 0 ? getApplicationDetail(db, id) : null;
  const snapshot = application ? snapshotOf(db, application.id) : null;
  if (!application || !snapshot) notFound();
  const t = await getTranslations("register");
  return (
    <>
      <PageHeader title={t("editTitle", { number: application.registrationNumber })} description={application.projectTitle} />
      <ApplicationForm
        mode="edit"
        action={updateApplicationAction}
        cancelHref={`/ansokningar/${application.id}`}
        counties={listCounties(db)}
        organisationNames={listOrganisationNameSuggestions(db)}
        defaults={{
          roundId: application.roundId,
          applicationId: application.id,
          version: application.version,
          leadOrganisation: { name: snapshot.leadOrganisation, kind: "", countyCode: "" },
          coApplicants: snapshot.coApplicants,
          projectTitle: snapshot.projectTitle,
          description: snapshot.description,
          focusAreas: snapshot.focusAreas,
          requestedAmount: String(snapshot.requestedAmount),
          contactName: snapshot.contactName,
          contactTitle: snapshot.contactTitle,
          contactPhone: snapshot.contactPhone,
          contactEmail: snapshot.contactEmail,
        }}
      />
    </>
  );
}
