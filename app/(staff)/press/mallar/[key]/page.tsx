import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { getPressTemplateByKey, listPreviewGrants, listPressTemplateVersions } from "@/db/queries/press-templates";
import { listRoundSummaries } from "@/db/queries/rounds";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { formatList } from "@/lib/format";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { PRESS_VARIABLES } from "@/lib/press/context";
import { PRESS_FILTERS } from "@/lib/press/filters";
import { BackToPress } from "../back-to-press";
import { TemplateNotice } from "../template-notice";
import { FILTER_DESCRIPTIONS_EN, VARIABLE_DESCRIPTIONS_EN } from "@/lib/press/reference-en";
import { TemplateEditor } from "./template-editor";
import { TemplateReference } from "./template-reference";

type Props = { params: Promise<{ key: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await viewerWith("template:write"))) return {};
  const template = getPressTemplateByKey(getDb(), (await params).key);
  if (!template) return {};
  const t = await getTranslations("pressTemplates");
  return { title: t("editTitle", { name: template.name }) };
}

/** One template: its source with a live preview, what it may use, and its versions. Communications and admins only. */
export default async function PressTemplatePage({ params }: Props) {
  const user = await requireUser("template:write");
  const db = getDb();
  const template = getPressTemplateByKey(db, (await params).key);
  if (!template) notFound();
  const versions = listPressTemplateVersions(db, template.id);
  const [t, tRoot, f] = await Promise.all([getTranslations("pressTemplates"), getTranslations(), getUiFormat()]);

  // The rounds with grants, latest first: a preview needs recipients to say anything.
  const summaries = listRoundSummaries(db).filter((r) => r.approved > 0);
  const severalProgrammes = new Set(summaries.map((r) => r.programmeId)).size > 1;
  const rounds = summaries.map((r) => ({
    value: String(r.id),
    label: severalProgrammes ? `${roundTitle(tRoot, r)} (${r.programmeName})` : roundTitle(tRoot, r),
  }));
  const grants = listPreviewGrants(db, applicationScope(user)).map((g) => ({
    applicationId: g.applicationId,
    roundId: g.roundId,
    label: formatList(g.organisations),
    countyCode: g.countyCode,
    countyName: g.countyName,
  }));
  const english = f.locale === "en";
  const variables = PRESS_VARIABLES.map((v) => ({
    name: v.path,
    description: (english ? VARIABLE_DESCRIPTIONS_EN[v.path] : undefined) ?? v.description,
    example: v.example,
  }));
  const filters = PRESS_FILTERS.map((filter) => ({
    name: filter.name,
    description: (english ? FILTER_DESCRIPTIONS_EN[filter.name] : undefined) ?? filter.description,
    example: filter.example,
  }));

  return (
    <>
      <BackToPress label={t("backToPress")} />
      <p className="-mt-2 mb-4">
        <Link href="/press/mallar" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t("backToList")}
        </Link>
      </p>
      <PageHeader title={t("editTitle", { name: template.name })} description={t.rich("editIntro", {
          target: t(`target.${template.targetKind}`),
          output: english ? "{{ variable }}" : "{{ variabel }}",
          filtered: english ? "{{ variable | filter }}" : "{{ variabel | filter }}",
          code: (chunks) => <code className="font-mono text-sm">{chunks}</code>,
        })} />
      <TemplateNotice />
      <TemplateEditor
        template={{
          id: template.id,
          key: template.key,
          name: template.name,
          source: template.source,
          version: template.version,
          targetKind: template.targetKind,
        }}
        rounds={rounds}
        grants={grants}
      />
      <TemplateReference variables={variables} filters={filters} />
      <section aria-labelledby="versions-heading" className="mt-10 border-t border-slate-300 pt-6">
        <h2 id="versions-heading" className="mb-2 text-2xl font-semibold">
          {t("versionsHeading")}
        </h2>
        <p className="mb-4 max-w-prose text-slate-700">{t("versionsIntro")}</p>
        <Table caption={t("versionsCaption")} captionHidden>
          <thead>
            <tr>
              <Th numeric>{t("columnVersion")}</Th>
              <Th>{t("columnSavedBy")}</Th>
              <Th>{t("columnSavedAt")}</Th>
              <Th>
                <span className="sr-only">{t("columnActions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <Td label={t("columnVersion")} numeric>
                  {v.version === template.version ? t("versionCurrent", { version: v.version }) : v.version}
                </Td>
                <Td label={t("columnSavedBy")}>{v.savedByLabel}</Td>
                <Td label={t("columnSavedAt")}>{f.moment(v.savedAt)}</Td>
                <Td>
                  <Link
                    href={`/press/mallar/${template.key}/versioner/${v.version}`}
                    className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
                  >
                    {t("viewVersion", { version: v.version })}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </>
  );
}
