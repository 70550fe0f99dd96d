import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getRound } from "@/db/queries/rounds";
import { ImportForm } from "@/components/import/import-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { roundTitle } from "@/lib/i18n/round-title";
import { APPLICATION_COLUMN_REQUIREMENTS, APPLICATION_TEMPLATE_COLUMNS, COLUMN_LABELS, MAX_IMPORT_BYTES } from "@/lib/import";
import { getUiFormat } from "@/lib/i18n/server";
import { roundProgrammeName } from "@/lib/i18n/programme-name";

type Props = { params: Promise<{ roundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage({ params }: Props) {
  await requireUser("application:write");
  const roundId = Number((await params).roundId);
  const round = Number.isInteger(roundId) && roundId > 0 ? getRound(getDb(), roundId) : null;
  if (!round) notFound();
  const t = await getTranslations();
  const f = await getUiFormat();
  const base = `/omgangar/${round.id}`;
  const columns = APPLICATION_TEMPLATE_COLUMNS.map((name) => ({
    name,
    label: COLUMN_LABELS[name] ?? name,
    requirement: APPLICATION_COLUMN_REQUIREMENTS[name],
  }));

  return (
    <>
      <PageHeader title={t("import.title")} description={`${roundTitle(t, round)}, ${roundProgrammeName(round, f.locale)}`} />
      {round.status === "decided" ? (
        <div className="mb-4 max-w-prose">
          <Alert title={t("import.decidedWarningTitle")}>{t("import.decidedWarning")}</Alert>
        </div>
      ) : null}
      <p className="mb-2 max-w-prose">{t("import.intro")}</p>
      <p className="mb-6">
        <a href="#sa-ska-filen-se-ut" className="text-brand-700 underline">
          {t("import.howLink")}
        </a>
      </p>

      <ImportForm roundId={round.id} maxBytes={MAX_IMPORT_BYTES} roundHref={base} />

      <section aria-labelledby="sa-ska-filen-se-ut" className="mt-10 flex flex-col gap-4">
        <h2 id="sa-ska-filen-se-ut" className="text-2xl font-semibold">
          {t("import.columnsHeading")}
        </h2>
        <p className="max-w-prose">{t("import.columnsIntro")}</p>
        <ul className="max-w-prose list-disc pl-6">
          <li>{t("import.ruleRequired")}</li>
          <li>{t("import.ruleAmounts")}</li>
          <li>{t("import.ruleLists")}</li>
          <li>{t("import.ruleDates")}</li>
          <li>{t("import.ruleDecision")}</li>
          <li>{t("import.ruleExport")}</li>
        </ul>
        <p>
          <a href={`${base}/import/mall`} className="text-brand-700 underline" download>
            {t("import.template")}
          </a>
        </p>
        <Table caption={t("import.columnsCaption")}>
          <thead>
            <tr>
              <Th>{t("import.columnName")}</Th>
              <Th>{t("import.columnLabel")}</Th>
              <Th>{t("import.columnRequired")}</Th>
              <Th>{t("import.columnContent")}</Th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => (
              <tr key={column.name}>
                <Td label={t("import.columnName")}>
                  <code>{column.name}</code>
                </Td>
                <Td label={t("import.columnLabel")} lang="sv">
                  {column.label}
                </Td>
                <Td label={t("import.columnRequired")}>{t(`import.requirement.${column.requirement}`)}</Td>
                <Td label={t("import.columnContent")}>{t(`import.columns.${column.name}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>

      <p className="mt-8">
        <Link href={base} className="text-brand-700 underline">
          {t("import.backToRound")}
        </Link>
      </p>
    </>
  );
}
