import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOrganisationNameSuggestions } from "@/db/queries/pickers";
import { listCounties } from "@/db/queries/reference";
import { getRound } from "@/db/queries/rounds";
import { ApplicationForm } from "@/components/applications/application-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { roundTitle } from "@/lib/i18n/round-title";
import { registerApplicationAction } from "@/app/(staff)/ansokningar/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("register"))("title") };
}

export default async function RegisterApplicationPage({ params }: { params: Promise<{ roundId: string }> }) {
  await requireUser("application:write");
  const db = getDb();
  const roundId = Number((await params).roundId);
  const round = Number.isInteger(roundId) && roundId > 0 ? getRound(db, roundId) : null;
  if (!round) notFound();
  const t = await getTranslations();
  const title = roundTitle(t, round);
  const open = round.status === "open" || round.status === "planned";
  return (
    <>
      <PageHeader title={t("register.title")} description={`${title} – ${t("register.intro")}`} />
      {open ? (
        <ApplicationForm
          mode="register"
          action={registerApplicationAction}
          cancelHref={`/omgangar/${round.id}`}
          counties={listCounties(db)}
          organisationNames={listOrganisationNameSuggestions(db)}
          defaults={{
            roundId: round.id,
            leadOrganisation: { name: "", kind: "", countyCode: "" },
            coApplicants: [],
            projectTitle: "",
            description: "",
            focusAreas: "",
            requestedAmount: "",
            contactName: "",
            contactTitle: "",
            contactPhone: "",
            contactEmail: "",
          }}
        />
      ) : (
        <Alert tone="info">{t("round.closedNotice")}</Alert>
      )}
    </>
  );
}
