import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listMeetingApplications } from "@/db/queries/decisions";
import { getRound } from "@/db/queries/rounds";
import { DecidedRoundTable } from "@/components/decisions/decided-round-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { applicationScope } from "@/lib/auth/permissions";
import { requireUser, viewerWith } from "@/lib/auth/session";
import { capitalizeFirst, ordinalInWords, todayIso } from "@/lib/format";
import { MeetingForm } from "./meeting-form";
import { MEETING_ROW_LIMIT } from "@/lib/decisions/meeting-schema";

type Props = { params: Promise<{ roundId: string }> };

function roundIdOf(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}

async function titleOf(round: { ordinal: number; year: number }): Promise<string> {
  const t = await getTranslations();
  const roundTitle = capitalizeFirst(t("round.title", { ordinal: ordinalInWords(round.ordinal), number: round.ordinal, year: round.year }));
  return t("meeting.title", { round: roundTitle });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await viewerWith("decision:write"))) return {};
  const round = getRound(getDb(), roundIdOf((await params).roundId));
  return round ? { title: await titleOf(round) } : {};
}

export default async function MeetingPage({ params }: Props) {
  const user = await requireUser("decision:write");
  const db = getDb();
  const round = getRound(db, roundIdOf((await params).roundId));
  if (!round) notFound();
  const t = await getTranslations("meeting");
  // One query on the (round_id, registration_number) index; one row past the limit tells that the round is too big.
  const applications = listMeetingApplications(db, round.id, applicationScope(user), MEETING_ROW_LIMIT + 1);
  const today = todayIso();

  let body: React.ReactNode;
  if (round.status === "planned") body = <Alert>{t("notOpen")}</Alert>;
  else if (applications.length === 0) body = <p>{t("noApplications")}</p>;
  else if (round.status === "decided") {
    // A decided round's meeting is its record: the decisions, read-only.
    body = (
      <div className="flex flex-col gap-4">
        <Alert>{t("decided")}</Alert>
        <DecidedRoundTable applications={applications.slice(0, MEETING_ROW_LIMIT)} />
      </div>
    );
  } else if (applications.length > MEETING_ROW_LIMIT) body = <Alert>{t("tooMany", { limit: MEETING_ROW_LIMIT })}</Alert>;
  else {
    const decisionOn = round.decisionOn && round.decisionOn <= today ? round.decisionOn : today;
    body = <MeetingForm roundId={round.id} budget={round.budget} applications={applications} defaultDecidedOn={decisionOn} today={today} />;
  }

  return (
    <>
      <PageHeader
        title={await titleOf(round)}
        description={round.status === "decided" ? undefined : t("intro")}
        actions={
          <Link href={`/omgangar/${round.id}`} className={buttonClasses("secondary")}>
            {t("backToRound")}
          </Link>
        }
      />
      {body}
    </>
  );
}
