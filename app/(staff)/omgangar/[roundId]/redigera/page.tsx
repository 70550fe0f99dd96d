import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getRound, sumGrantedInRound } from "@/db/queries/rounds";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { formatKronorPlain, ordinalInWords } from "@/lib/format";
import { canChangeStatus, listProgrammes } from "@/lib/rounds";
import { ROUND_STATUS_CHANGES } from "@/lib/rounds/schema";
import { EditRoundForm } from "./edit-round-form";
import { RoundStatusControls } from "./round-status-controls";
import { getUiFormat } from "@/lib/i18n/server";
import { roundProgrammeName } from "@/lib/i18n/programme-name";

type Props = { params: Promise<{ roundId: string }> };

function roundIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title names the round: only for those who may see the page (the others get 403 from the page itself).
  if (!hasPermission(await getCurrentUser(), "round:manage")) return {};
  const round = getRound(getDb(), roundIdOf((await params).roundId));
  if (!round) return {};
  const t = await getTranslations("roundAdmin");
  return { title: t("editTitle", { ordinal: ordinalInWords(round.ordinal), number: round.ordinal, year: round.year }) };
}

export default async function EditRoundPage({ params }: Props) {
  await requireUser("round:manage");
  const db = getDb();
  const round = getRound(db, roundIdOf((await params).roundId));
  if (!round) notFound();
  const granted = sumGrantedInRound(db, round.id);
  const programmes = listProgrammes(db).map(({ id, name }) => ({ id, name }));
  const changes = ROUND_STATUS_CHANGES.filter((to) => canChangeStatus(round.status, to));
  const t = await getTranslations("roundAdmin");
  const f = await getUiFormat();
  const tStatus = await getTranslations("roundStatus");

  return (
    <>
      <PageHeader
        title={t("editTitle", { ordinal: ordinalInWords(round.ordinal), number: round.ordinal, year: round.year })}
        description={t("editIntro", { programme: roundProgrammeName(round, f.locale) })}
      />
      <EditRoundForm
        programmes={programmes}
        budgetHint={granted > 0 ? t("budgetGrantedHint", { amount: f.amount(granted) }) : t("budgetHint")}
        defaultValues={{
          roundId: round.id,
          version: round.version,
          programmeId: String(round.programmeId),
          ordinal: String(round.ordinal),
          year: String(round.year),
          // Grouped with ordinary spaces, as an officer would type it ("27 500 000"); the schema reads it back.
          budget: formatKronorPlain(round.budget).replace(/ kronor$/, ""),
          opensOn: round.opensOn ?? "",
          closesOn: round.closesOn ?? "",
          decisionOn: round.decisionOn ?? "",
          criteria: round.criteria,
          isLast: round.isLast,
        }}
      />
      <section aria-labelledby="round-status-heading" className="mt-10 max-w-2xl border-t border-slate-300 pt-6">
        <h2 id="round-status-heading" className="mb-2 text-2xl font-semibold">
          {t("statusHeading")}
        </h2>
        <p className="mb-2">{t("statusCurrent", { status: tStatus(round.status) })}</p>
        <p className="mb-4 text-slate-700">{changes.length > 0 ? t("statusExplanation") : t("statusDecided")}</p>
        {changes.length > 0 ? <RoundStatusControls roundId={round.id} version={round.version} changes={changes} /> : null}
      </section>
    </>
  );
}
