import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listOpenPasswordTokens } from "@/db/queries/password-tokens";
import { getUserDetail, hasChosenPassword, listOrganisationChoices } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";
import { UserAdmin } from "./user-admin";

type Props = { params: Promise<{ userId: string }> };

function userIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title names the person: only for those who may see the page.
  if (!(await viewerWith("user:manage"))) return {};
  const user = getUserDetail(getDb(), userIdOf((await params).userId));
  return user ? { title: user.name } : {};
}

/** /anvandare/<id>: one account for an admin: its details, its role and organisation, access, and password links. */
export default async function UserPage({ params }: Props) {
  const admin = await requireUser("user:manage");
  const db = getDb();
  const user = getUserDetail(db, userIdOf((await params).userId));
  if (!user) notFound();
  const t = await getTranslations("users");
  const tRoot = await getTranslations();
  const f = await getUiFormat();
  const activated = hasChosenPassword(user);
  const state = user.disabled ? "disabled" : activated ? "active" : "invited";
  const openLinks = listOpenPasswordTokens(db, user.id, new Date()).map((l) => ({
    id: l.id,
    purpose: l.purpose,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
  }));
  const facts: [string, React.ReactNode][] = [
    [t("email"), user.email],
    [t("role"), tRoot(`roles.${user.role}`)],
    [t("organisation"), user.organisationName ?? t("noOrganisation")],
    [t("status"), <Badge key="state" tone={state === "disabled" ? "danger" : state === "active" ? "success" : "info"}>{t(`state.${state}`)}</Badge>],
    [t("lastSignIn"), user.lastSignedInAt ? f.moment(user.lastSignedInAt) : t("never")],
    [t("password"), activated ? (user.passwordChangedAt ? t("passwordSet", { date: f.moment(user.passwordChangedAt) }) : t("passwordSetUnknown")) : t("passwordNotYet")],
    [t("createdAt"), f.moment(user.createdAt)],
  ];

  return (
    <>
      <p className="mb-2">
        <Link href="/anvandare" className="font-medium text-brand-700 underline">
          {t("toList")}
        </Link>
      </p>
      <PageHeader title={user.name} />
      <section aria-labelledby="konto-uppgifter" className="mb-10">
        <h2 id="konto-uppgifter" className="mb-3 text-xl font-semibold text-brand-900">
          {t("detailsHeading")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-700">{term}</dt>
              <dd className="mb-2 break-words sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <UserAdmin
        user={{
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          organisationId: user.organisationId,
          disabled: user.disabled,
          activated,
          version: user.version,
          isSelf: user.id === admin.id,
          openLinks,
        }}
        organisations={listOrganisationChoices(db)}
      />
    </>
  );
}
