import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getPressTemplateByKey, getPressTemplateVersion } from "@/db/queries/press-templates";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";
import { BackToPress } from "../../../back-to-press";
import { RestoreVersionForm } from "./restore-version-form";

type Props = { params: Promise<{ key: string; version: string }> };

function versionOf(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return n;
}

async function load(params: Props["params"]) {
  const { key, version } = await params;
  const db = getDb();
  const template = getPressTemplateByKey(db, key);
  if (!template) return null;
  const saved = getPressTemplateVersion(db, template.id, versionOf(version));
  return saved ? { template, saved } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await viewerWith("template:write"))) return {};
  const found = await load(params);
  if (!found) return {};
  const t = await getTranslations("pressTemplates");
  return { title: t("versionTitle", { name: found.template.name, version: found.saved.version }) };
}

/** One saved version of a template, read only, with the way to bring it back (after a confirmation). */
export default async function PressTemplateVersionPage({ params }: Props) {
  await requireUser("template:write");
  const found = await load(params);
  if (!found) notFound();
  const { template, saved } = found;
  const [t, f] = await Promise.all([getTranslations("pressTemplates"), getUiFormat()]);
  const current = saved.version === template.version;

  return (
    <>
      <BackToPress label={t("backToPress")} />
      <p className="-mt-2 mb-4">
        <Link href={`/press/mallar/${template.key}`} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t("backToTemplate", { name: template.name })}
        </Link>
      </p>
      <PageHeader
        title={t("versionTitle", { name: template.name, version: saved.version })}
        description={t("versionSaved", { who: saved.savedByLabel, when: f.moment(saved.savedAt) })}
      />
      {saved.name !== template.name ? <p className="mb-4">{t("versionName", { name: saved.name })}</p> : null}
      <h2 className="mb-2 text-xl font-semibold" id="version-source-heading">
        {t("versionSource")}
      </h2>
      <pre
        className="mb-8 max-h-[32rem] overflow-auto rounded-md border border-slate-300 bg-white p-4 font-mono text-sm leading-6 whitespace-pre"
        tabIndex={0}
        aria-labelledby="version-source-heading"
      >
        {saved.source}
      </pre>
      {current ? (
        <p className="text-slate-700">{t("versionIsCurrent")}</p>
      ) : (
        <RestoreVersionForm templateId={template.id} templateKey={template.key} currentVersion={template.version} restoreVersion={saved.version} />
      )}
    </>
  );
}
