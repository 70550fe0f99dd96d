import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { programmeName } from "@/lib/i18n/programme-name";
import { getUiFormat } from "@/lib/i18n/server";
import { listProgrammes } from "@/lib/rounds";
import { NewRoundForm } from "./new-round-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roundAdmin"))("newTitle") };
}

export default async function NewRoundPage() {
  await requireUser("round:manage");
  const programmes = listProgrammes(getDb());
  const t = await getTranslations("roundAdmin");
  const { locale } = await getUiFormat();
  // With one programme (the usual case) it is chosen already, with the number its next round would get.
  const only = programmes.length === 1 ? programmes[0] : undefined;
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newIntro")} />
      <NewRoundForm
        programmes={programmes.map((p) => ({ id: p.id, name: programmeName(p, locale), lastRound: p.lastRound }))}
        defaultValues={{
          programmeId: only ? String(only.id) : "",
          ordinal: only ? String(only.nextOrdinal) : "",
          year: String(new Date().getFullYear()),
          budget: "",
          opensOn: "",
          closesOn: "",
          decisionOn: "",
          criteria: "",
          isLast: false,
          confirmAfterLast: false,
        }}
      />
    </>
  );
}
