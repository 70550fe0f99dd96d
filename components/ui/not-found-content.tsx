import Link from "./link";
import { useTranslations } from "next-intl";
import { PageHeader } from "./page-header";

/**
 * What a missing page says, on staff and public pages alike (each route group has its own not-found.tsx because
 * each has its own root layout). A synchronous server component: it renders in a static public page too.
 */
export function NotFoundContent() {
  const t = useTranslations("errors");
  return (
    <>
      <PageHeader title={t("notFoundTitle")} description={t("notFoundText")} />
      <Link href="/" className="text-brand-700 underline">
        {t("toStart")}
      </Link>
    </>
  );
}
