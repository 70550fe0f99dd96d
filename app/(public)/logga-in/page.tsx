import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getCurrentUser()) redirect(safeCallbackUrl(callbackUrl));
  const t = await getTranslations("signIn");
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("title")} description={t("intro")} />
      <SignInForm callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </div>
  );
}
