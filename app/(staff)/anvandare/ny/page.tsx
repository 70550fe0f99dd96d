import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOrganisationChoices } from "@/db/queries/users";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { NewUserForm } from "./new-user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("newTitle") };
}

/** /anvandare/ny: an admin creates an account; the person chooses a password from the invitation link. */
export default async function NewUserPage() {
  await requireUser("user:manage");
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      <NewUserForm organisations={listOrganisationChoices(getDb())} />
    </>
  );
}
