import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <>
      <PageHeader title={t("forbiddenTitle")} description={t("forbiddenText")} />
      <Link href="/" className="text-brand-700 underline">
        {t("toStart")}
      </Link>
    </>
  );
}
