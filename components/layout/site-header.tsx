import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { NAV_ITEMS } from "@/lib/navigation";
import { NavLink } from "./nav-link";

export async function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations();
  const items = user
    ? NAV_ITEMS.filter((item) => !item.permissions || item.permissions.some((p) => hasPermission(user, p)))
    : [];
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex flex-col leading-tight text-white no-underline">
          <span className="text-xl font-bold">{t("app.name")}</span>
          <span className="text-sm text-brand-100">{t("app.tagline")}</span>
        </Link>
        {user ? (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              {t("nav.signedInAs", { name: user.name })} ({t(`roles.${user.role}`)}
              {user.organisationName ? `, ${user.organisationName}` : ""})
            </span>
            <Link href="/konto" className="min-h-11 content-center font-medium text-white underline">
              {t("account.nav")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="min-h-11 rounded-md border border-white px-3 py-1 font-medium hover:bg-brand-800">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        ) : null}
      </div>
      {items.length > 0 ? (
        <nav aria-label={t("nav.label")} className="bg-brand-800">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{t(`nav.${item.labelKey}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
