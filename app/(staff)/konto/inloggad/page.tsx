import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

/*
 * /konto/inloggad: one line saying who is signed in, rendered on every request (the staff layout reads the session).
 * For a user (or support) checking that a session is alive, and the benchmark's signed-in floor: every signed-in page
 * costs at least this much, so npm run bench measures the other pages against it (lib/bench/http.ts).
 */

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signedIn"))("title") };
}

export default async function SignedInPage() {
  const user = await requireUser("account:self");
  const t = await getTranslations();
  return <PageHeader title={t("signedIn.title")} description={t("signedIn.line", { name: user.name, role: t(`roles.${user.role}`).toLocaleLowerCase("sv") })} />;
}
