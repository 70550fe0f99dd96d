import type { Metadata } from "next";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ReleaseArticle } from "@/components/press/release-article";
import { Alert } from "@/components/ui/alert";
import { toLocale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/format/date";
import { documentOf } from "@/lib/press/document";
import { releaseForPreview } from "@/lib/press/releases";

/*
 * A private preview of a release for a reviewer without an account (a municipality's press officer), opened by an
 * unguessable link that expires, can be revoked, and is gone once the release is public. Rendered per request,
 * never cached, never indexed (noindex here and an X-Robots-Tag header in next.config.ts; robots.txt disallows it).
 * An unknown, expired or revoked link answers exactly as a page that does not exist.
 */

type Props = { params: Promise<{ locale: string; token: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false, nocache: true }, referrer: "no-referrer" };

export default async function PreviewPage({ params }: Props) {
  const { locale: raw, token } = await params;
  const locale = toLocale(raw);
  setRequestLocale(locale);
  await connection();
  const release = releaseForPreview(getDb(), token);
  if (!release) notFound();
  const t = await getTranslations({ locale, namespace: "press" });
  return (
    <div className="flex flex-col gap-6">
      <Alert tone="info">
        {release.publishAt && (release.status === "scheduled" || release.status === "embargoed")
          ? t("previewEmbargo", { date: formatDateTime(release.publishAt) })
          : t("previewNotPublic")}
      </Alert>
      <ReleaseArticle doc={documentOf(release)} headingLevel={1} />
    </div>
  );
}
