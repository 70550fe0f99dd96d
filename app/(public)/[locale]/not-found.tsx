import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";

export default function NotFound() {
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
