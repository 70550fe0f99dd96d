import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listPressTemplates } from "@/db/queries/press-templates";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";
import { BackToPress } from "./back-to-press";

export async function generateMetadata(): Promise<Metadata> {
  if (!(await viewerWith("template:write"))) return {};
  const t = await getTranslations("pressTemplates");
  return { title: t("listTitle") };
}

/** The press templates, each with its latest version and who saved it. Communications and admins only. */
export default async function PressTemplatesPage() {
  await requireUser("template:write");
  const templates = listPressTemplates(getDb());
  const t = await getTranslations("pressTemplates");
  const f = await getUiFormat();

  return (
    <>
      <BackToPress label={t("backToPress")} />
      <PageHeader title={t("listTitle")} description={t("listIntro")} />
      <Table caption={t("listCaption")} captionHidden>
        <thead>
          <tr>
            <Th>{t("columnName")}</Th>
            <Th>{t("columnTarget")}</Th>
            <Th numeric>{t("columnVersion")}</Th>
            <Th>{t("columnUpdated")}</Th>
          </tr>
        </thead>
        <tbody>
          {templates.map((template) => (
            <tr key={template.id}>
              <Td label={t("columnName")}>
                <div>
                  <Link href={`/press/mallar/${template.key}`} className="font-medium text-brand-700 underline underline-offset-2">
                    {template.name}
                  </Link>
                  <span className="block font-mono text-slate-700">{template.key}</span>
                </div>
              </Td>
              <Td label={t("columnTarget")}>{t(`target.${template.targetKind}`)}</Td>
              <Td label={t("columnVersion")} numeric>
                {template.version}
              </Td>
              <Td label={t("columnUpdated")}>{f.moment(template.updatedAt)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
