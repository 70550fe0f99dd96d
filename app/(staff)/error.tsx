"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";

// Shown instead of a stack trace: what happened, that nothing was saved, and a way on.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <>
      <PageHeader title={t("errorTitle")} description={t("errorText")} />
      <Button onClick={() => reset()}>{t("tryAgain")}</Button>
    </>
  );
}
