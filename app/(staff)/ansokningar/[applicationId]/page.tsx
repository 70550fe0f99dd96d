import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getApplicationDetail } from "@/db/queries/applications";
import { listApplicationHistory } from "@/db/queries/audit";
import { DecisionPanel } from "@/components/decisions/decision-panel";
import { DecisionLetterLinks } from "@/components/letters/decision-letter-links";
import { SavedNotice } from "@/components/applications/saved-notice";
import { ApplicationStatusBadge } from "@/components/applications/status-badge";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { applicationScope, hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { describeChanges } from "@/lib/audit/describe";
import { grantedInRound } from "@/lib/decisions/record";
import { todayIso } from "@/lib/format";
import { roundTitle } from "@/lib/i18n/round-title";
import { changeDecisionAction, recordDecisionAction, withdrawDecisionAction } from "./decision-actions";
import { updateContactAction } from "./contact-actions";
import { listApplicationSteps } from "@/db/queries/portal";
import { ApplicationTimeline } from "@/components/portal/application-timeline";
import { ContactForm } from "@/components/portal/contact-form";
import { applicationTimeline } from "@/lib/applications/timeline";
import { getUiFormat } from "@/lib/i18n/server";
import { programmeName } from "@/lib/i18n/programme-name";

type Props = {
  params: Promise<{ applicationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props["params"]) {
  const user = await requireUser(["application:read:any", "application:read:own-organisation"]);
  const id = Number((await params).applicationId);
  if (!Number.isInteger(id) || id <= 0) notFound();
  // The query is asked in the user's scope: another organisation's application is "not found", exactly like one
  // that does not exist, so ids reveal nothing.
  const application = getApplicationDetail(getDb(), id, applicationScope(user));
  if (!application) notFound();
  return { user, application };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { application } = await load(params);
  return { title: `${application.registrationNumber} ${application.projectTitle}` };
}

export default async function ApplicationPage({ params, searchParams }: Props) {
  const { user, application } = await load(params);
  const query = await searchParams;
  const t = await getTranslations();
  const f = await getUiFormat();
  const history = hasPermission(user, "audit:read") ? listApplicationHistory(getDb(), application.id) : [];
  const round = application.round;
  const decision = application.decision;
  const title = roundTitle(t, round);
  const canEdit = hasPermission(user, "application:write");
  // The coordinator's part: the application's steps (not the audit trail's details) and the contact person form.
  const isCoordinator = hasPermission(user, "application:read:own-organisation");
  const canEditContact = hasPermission(user, "application:contact:own-organisation");
  const steps = isCoordinator
    ? applicationTimeline({ receivedAt: application.createdAt, decision, events: listApplicationSteps(getDb(), application.id) })
    : [];

  // The form sends the officer here after a save; the notice says what happened (and is announced).
  const notice =
    canEdit && query.registrerad === "1"
      ? t("application.registered", { number: application.registrationNumber })
      : canEdit && query.sparad === "1"
        ? t("application.saved", { number: application.registrationNumber })
        : null;

  return (
    <>
      {notice ? <SavedNotice message={notice} /> : null}
      <PageHeader
        title={`${application.registrationNumber}: ${application.projectTitle}`}
        description={application.leadOrganisation.name}
        actions={
          canEdit ? (
            <Link href={`/ansokningar/${application.id}/redigera`} className={buttonClasses("secondary")}>
              {t("application.edit")}
            </Link>
          ) : null
        }
      />
      <section aria-labelledby="uppgifter" className="mb-8">
        <h2 id="uppgifter" className="mb-3 text-2xl font-semibold">
          {t("application.details")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <Term label={t("application.round")}>
            {hasPermission(user, "application:read:any") ? (
              <Link href={`/omgangar/${round.id}`} className="text-brand-700 underline">
                {title}
              </Link>
            ) : (
              title
            )}{" "}
            – {programmeName(round.programme, f.locale)}
          </Term>
          <Term label={t("application.leadOrganisation")}>
            {application.leadOrganisation.name} ({t(`organisationKind.${application.leadOrganisation.kind}`)}
            {application.leadOrganisation.county ? `, ${application.leadOrganisation.county.name}` : ""})
          </Term>
          <Term label={t("application.coApplicants")}>
            {application.coApplicants.length > 0 ? application.coApplicants.map((c) => c.organisation.name).join(", ") : t("application.none")}
          </Term>
          <Term label={t("application.status")}>
            <ApplicationStatusBadge status={application.status} />
          </Term>
          <Term label={t("application.requested")}>{f.amount(application.requestedAmount)}</Term>
          <Term label={t("application.focusAreas")}>{application.focusAreas.length > 0 ? application.focusAreas.join(", ") : t("application.none")}</Term>
          <Term label={t("application.description")}>
            <span className="whitespace-pre-line">{application.description || "–"}</span>
          </Term>
          <Term label={t("application.contact")}>
            {[application.contactName, application.contactTitle, application.contactPhone, application.contactEmail].filter(Boolean).join(", ") || "–"}
          </Term>
        </dl>
      </section>

      {isCoordinator ? (
        <section aria-labelledby="tidslinje" className="mb-8">
          <h2 id="tidslinje" className="mb-3 text-2xl font-semibold">
            {t("portal.timelineHeading")}
          </h2>
          <ApplicationTimeline steps={steps} />
        </section>
      ) : null}

      <section aria-labelledby="beslut" className="mb-8">
        <h2 id="beslut" className="mb-3 text-2xl font-semibold">
          {t("application.decision")}
        </h2>
        {decision ? (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <Term label={t("application.status")}>{t(`applicationStatus.${decision.outcome}`)}</Term>
            {decision.outcome === "approved" ? <Term label={t("application.granted")}>{f.amount(decision.grantedAmount)}</Term> : null}
            <Term label={t("application.decidedOn")}>{f.day(decision.decidedOn)}</Term>
            {decision.motivation ? <Term label={t("application.motivation")}>{decision.motivation}</Term> : null}
            {decision.decider ? <Term label={t("application.decidedBy")}>{decision.decider.name}</Term> : null}
          </dl>
        ) : (
          <p>{t("application.noDecision")}</p>
        )}
        {decision ? <DecisionLetterLinks applicationId={application.id} /> : null}
        {hasPermission(user, "decision:write") ? (
          <DecisionPanel
            applicationId={application.id}
            requestedAmount={application.requestedAmount}
            decision={
              decision
                ? { outcome: decision.outcome, grantedAmount: decision.grantedAmount, motivation: decision.motivation, decidedOn: decision.decidedOn, version: decision.version }
                : null
            }
            roundStatus={round.status}
            budgetLeft={round.budget - grantedInRound(getDb(), round.id)}
            today={todayIso()}
            recordAction={recordDecisionAction}
            changeAction={changeDecisionAction}
            withdrawAction={withdrawDecisionAction}
          />
        ) : null}
      </section>

      {canEditContact ? (
        <section aria-labelledby="kontaktperson" className="mb-8">
          <h2 id="kontaktperson" className="mb-3 text-2xl font-semibold">
            {t("portal.contactHeading")}
          </h2>
          <p className="mb-4">{t("portal.contactIntro")}</p>
          <ContactForm
            action={updateContactAction}
            defaultValues={{
              applicationId: application.id,
              version: application.version,
              contactName: application.contactName,
              contactTitle: application.contactTitle,
              contactPhone: application.contactPhone,
              contactEmail: application.contactEmail,
            }}
          />
        </section>
      ) : null}

      {history.length > 0 ? (
        <section aria-labelledby="historik">
          <h2 id="historik" className="mb-3 text-2xl font-semibold">
            {t("application.history")}
          </h2>
          <Table caption={t("application.historyCaption")} captionHidden>
            <thead>
              <tr>
                <Th>{t("application.when")}</Th>
                <Th>{t("application.who")}</Th>
                <Th>{t("application.what")}</Th>
                <Th>{t("application.changes")}</Th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.id}>
                  <Td className="whitespace-nowrap">{f.moment(event.at)}</Td>
                  <Td>{event.actorLabel}</Td>
                  <Td>{actionLabel(t, event.action)}</Td>
                  <Td>
                    <ul className="list-none">
                      {describeChanges(event.before, event.after, f.locale).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </section>
      ) : null}
    </>
  );
}

// Audit actions are "entity.verb"; message keys cannot hold dots, so they use "entity_verb".
function actionLabel(t: Awaited<ReturnType<typeof getTranslations>>, action: string): string {
  const key = `application.actions.${action.replace(".", "_")}`;
  return t.has(key) ? t(key) : action;
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
