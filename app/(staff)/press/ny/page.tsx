import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listCountiesWithGrants, listGrantedApplicationOptions } from "@/db/queries/press";
import { listPressTemplates } from "@/db/queries/press-templates";
import { listRoundSummaries } from "@/db/queries/rounds";
import { GenerateReleaseForm } from "@/components/press/generate-release-form";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { roundProgrammeName } from "@/lib/i18n/programme-name";
import { roundTitle } from "@/lib/i18n/round-title";
import { getUiFormat } from "@/lib/i18n/server";
import { generateReleaseAction } from "../actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("press"))("newTitle") };
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

export default async function NewReleasePage({ searchParams }: Props) {
  await requireUser("press:write");
  const params = await searchParams;
  const db = getDb();
  const t = await getTranslations();
  const f = await getUiFormat();
  const rounds = listRoundSummaries(db).filter((r) => r.approved > 0 || r.status === "decided");
  const templates = listPressTemplates(db);
  const wantedRound = Number(single(params.omgang));
  const round = rounds.find((r) => r.id === wantedRound) ?? rounds[0];
  const wantedTemplate = Number(single(params.mall));
  const template = templates.find((tpl) => tpl.id === wantedTemplate) ?? templates[0];
  const applications = round ? listGrantedApplicationOptions(db, round.id) : [];

  return (
    <>
      <p className="mb-4">
        <Link href="/press" className="text-brand-700 underline">
          {t("press.backToList")}
        </Link>
      </p>
      <PageHeader title={t("press.newTitle")} description={t("press.newIntro")} />
      {!round || !template ? (
        <p>{t("press.nothingToWriteAbout")}</p>
      ) : (
        <GenerateReleaseForm
          key={round.id}
          action={generateReleaseAction}
          templates={templates.map((tpl) => ({ id: tpl.id, name: tpl.name, targetKind: tpl.targetKind }))}
          rounds={rounds.map((r) => ({ id: r.id, label: `${roundTitle(t, r)} · ${roundProgrammeName(r, f.locale)}` }))}
          counties={round ? listCountiesWithGrants(db, round.id).map((c) => ({ code: c.code, name: t("press.countyWithGrants", { name: c.name, count: c.grants }) })) : []}
          applications={applications.map((a) => ({ id: a.id, label: `${a.name} (${a.registrationNumber}), ${f.amount(a.amount)}` }))}
          defaults={{ templateId: String(template.id), targetKind: template.targetKind, roundId: String(round.id), countyCode: "", applicationId: "" }}
        />
      )}
    </>
  );
}
