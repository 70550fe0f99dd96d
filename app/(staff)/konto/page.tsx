import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getUserById } from "@/db/queries/users";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format/date";
import { SESSION_LIFETIME_MS } from "@/lib/auth/sessions";
import { getCurrentSession, requireUser } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

const ENGLISH_DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" });

/** Every signed-in user's own page: who they are, when they signed in, and a form to change their password. */
export default async function AccountPage() {
  const user = await requireUser("account:self");
  const session = await getCurrentSession();
  const row = getUserById(getDb(), user.id);
  const t = await getTranslations("account");
  const tRoot = await getTranslations();
  const locale = toLocale(await getLocale());
  const when = (date: Date) => (locale === "en" ? ENGLISH_DATE_TIME.format(date) : formatDateTime(date));

  const facts: [string, string][] = [
    [t("name"), user.name],
    [t("email"), user.email],
    [t("role"), tRoot(`roles.${user.role}`)],
    ...(user.organisationName ? ([[t("organisation"), user.organisationName]] as [string, string][]) : []),
  ];
  const signIns: [string, string][] = [
    ...(session ? ([[t("thisSignIn"), when(session.signedInAt)]] as [string, string][]) : []),
    [t("previousSignIn"), row?.previousSignedInAt ? when(row.previousSignedInAt) : t("noPreviousSignIn")],
    ...(session ? ([[t("sessionEnds"), when(new Date(session.signedInAt.getTime() + SESSION_LIFETIME_MS))]] as [string, string][]) : []),
    [t("passwordChanged"), row?.passwordChangedAt ? when(row.passwordChangedAt) : t("passwordNeverChanged")],
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="konto-uppgifter">
          <h2 id="konto-uppgifter" className="mb-3 text-xl font-semibold text-brand-900">
            {t("detailsHeading")}
          </h2>
          <Facts items={facts} />
        </section>
        <section aria-labelledby="konto-inloggningar">
          <h2 id="konto-inloggningar" className="mb-3 text-xl font-semibold text-brand-900">
            {t("signInsHeading")}
          </h2>
          <Facts items={signIns} />
        </section>
      </div>
      <section aria-labelledby="konto-losenord" className="mt-10">
        <h2 id="konto-losenord" className="mb-2 text-xl font-semibold text-brand-900">
          {t("passwordHeading")}
        </h2>
        <p className="mb-5 max-w-prose text-slate-700">{t("passwordIntro")}</p>
        <ChangePasswordForm />
      </section>
    </>
  );
}

function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
