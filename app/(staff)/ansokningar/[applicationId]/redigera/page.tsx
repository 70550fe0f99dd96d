import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getApplicationSnapshot } from "@/db/queries/applications";
import { listOrganisationNameSuggestions } from "@/db/queries/pickers";
import { listCounties } from "@/db/queries/reference";
import { ApplicationForm } from "@/components/applications/application-form";
import { PageHeader } from "@/components/ui/page-header";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getApplicationDetail } from "@/db/queries/applications";
import { updateApplicationAction } from "@/app/(staff)/ansokningar/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("application"))("edit") };
}

export default async function EditApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const user = await requireUser("application:write");
  const db = getDb();
  const id = Number((await params).applicationId);
  const application = Number.isInteger(id) && id > 0 ? getApplicationDetail(db, id, applicationScope(user)) : null;
  const snapshot = application ? getApplicationSnapshot(db, application.id) : null;
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
          version: snapshot.version,
          leadOrganisation: { name: snapshot.leadOrganisation, kind: "", countyCode: "" },
          coApplicants: application.coApplicants.map((c) => ({ name: c.organisation.name, kind: "", countyCode: "" })),
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
