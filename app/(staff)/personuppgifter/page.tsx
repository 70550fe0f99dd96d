import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { suggestPeople } from "@/db/queries/personal-data";
import { listCounties } from "@/db/queries/reference";
import { PRESS_TOPICS, type PressTopic } from "@/lib/enums";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm } from "@/components/ui/search-form";
import { ColumnTable } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getUiFormat } from "@/lib/i18n/server";
import { findPersonalData, isEmpty, subjectOf } from "@/lib/personal-data/find";
import { EraseForm } from "./erase-form";

/*
 * /personuppgifter (admins, personal-data:manage): what Anslag stores about one person, found by their email address
 * or name (lib/personal-data/find.ts), with the JSON export and the erasure. The search is a GET form like the other
 * lists; every list on the page is bounded.
 */

const EVENTS_SHOWN = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** One part of what is stored about the person: a heading the section is named by, then its table or list. */
function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("personalData"))("title") };
}

export default async function PersonalDataPage({ searchParams }: Props) {
  await requireUser("personal-data:manage");
  const params = await searchParams;
  const term = single(params.sok).slice(0, 200);
  const erased = /^(\d+)-(\d+)-(\d+)$/.exec(single(params.raderad));
  const subject = term ? subjectOf(term) : null;
  const db = getDb();
  const data = subject ? findPersonalData(db, subject) : null;
  const suggestions = subject && data && isEmpty(data) && !erased ? suggestPeople(db, term) : [];
  const t = await getTranslations("personalData");
  const tRoles = await getTranslations("roles");
  const f = await getUiFormat();
  const when = (d: Date | null) => (d ? f.moment(d) : t("never"));
  const tNewsroom = await getTranslations("newsroom");
  const topicName = (topic: string) => ((PRESS_TOPICS as readonly string[]).includes(topic) ? tNewsroom(`topics.${topic as PressTopic}`) : topic);
  const countyNames = new Map(data && data.subscriptions.length > 0 ? listCounties(db).map((c) => [c.code, c.name] as const) : []);

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {erased ? (
        <div className="mb-4">
          <Alert tone="success">{t("erased", { users: Number(erased[1]), contacts: Number(erased[2]), events: Number(erased[3]) })}</Alert>
        </div>
      ) : null}
      <SearchForm action="/personuppgifter" label={t("search")} hint={t("searchHint")} defaultValue={term} submit={t("searchSubmit")} />

      {term && !subject ? <p>{t("tooShort")}</p> : null}
      {data && isEmpty(data) ? (
        <div className="flex flex-col gap-3">
          <p>{t("nothing", { term })}</p>
          {suggestions.length > 0 ? (
            <>
              <h2 className="text-xl font-semibold">{t("suggestions")}</h2>
              <ul className="list-disc pl-6">
                {suggestions.map((s) => (
                  <li key={`${s.name}\n${s.email}`}>
                    <Link href={`/personuppgifter?sok=${encodeURIComponent(s.email || s.name)}`} className="text-brand-700 underline">
                      {s.name}
                      {s.email ? ` (${s.email})` : ""}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}

      {data && !isEmpty(data) ? (
        <div className="flex flex-col gap-8">
          <p>{t("summary", { term, users: data.users.length, contacts: data.contacts.length, events: data.auditEvents.length })}</p>

          {data.users.length > 0 ? (
            <Section id="konto" heading={t("usersHeading")}>
              <ColumnTable
                caption={t("usersCaption")}
                captionHidden
                rows={data.users}
                rowKey={(u) => u.id}
                columns={[
                  { label: t("name"), cell: (u) => u.name },
                  { label: t("email"), cell: (u) => u.email },
                  { label: t("phone"), cell: (u) => u.phone ?? t("none") },
                  { label: t("role"), cell: (u) => tRoles(u.role as "admin") },
                  { label: t("organisation"), cell: (u) => u.organisationName ?? t("none") },
                  { label: t("lastSignIn"), cell: (u) => when(u.lastSignedInAt) },
                  { label: t("previousSignIn"), cell: (u) => when(u.previousSignedInAt) },
                  { label: t("sessions"), numeric: true, cell: (u) => u.sessions },
                  { label: t("status"), cell: (u) => (u.disabled ? t("disabled") : t("active")) },
                ]}
              />
            </Section>
          ) : null}

          {data.contacts.length > 0 ? (
            <Section id="kontaktperson" heading={t("contactsHeading")}>
              <ColumnTable
                caption={t("contactsCaption")}
                captionHidden
                rows={data.contacts}
                rowKey={(c) => c.applicationId}
                columns={[
                  {
                    label: t("registrationNumber"),
                    cell: (c) => (
                      <Link href={`/ansokningar/${c.applicationId}`} className="text-brand-700 underline">
                        {c.registrationNumber}
                      </Link>
                    ),
                  },
                  { label: t("project"), cell: (c) => c.projectTitle },
                  { label: t("organisation"), cell: (c) => c.organisationName },
                  { label: t("name"), cell: (c) => c.contactName || t("none") },
                  { label: t("contactTitle"), cell: (c) => c.contactTitle || t("none") },
                  { label: t("phone"), cell: (c) => c.contactPhone || t("none") },
                  { label: t("email"), cell: (c) => c.contactEmail || t("none") },
                ]}
              />
            </Section>
          ) : null}

          {data.subscriptions.length > 0 ? (
            <Section id="prenumerationer" heading={t("subscriptionsHeading")}>
              <ColumnTable
                caption={t("subscriptionsCaption")}
                captionHidden
                rows={data.subscriptions}
                rowKey={(s) => s.id}
                columns={[
                  { label: t("email"), cell: (s) => s.email },
                  {
                    label: t("subscriptionChoice"),
                    cell: (s) =>
                      [s.topic ? topicName(s.topic) : null, s.countyCode ? (countyNames.get(s.countyCode) ?? s.countyCode) : null].filter(Boolean).join(", ") ||
                      t("subscriptionAll"),
                  },
                  { label: t("subscribedAt"), cell: (s) => f.moment(s.createdAt) },
                  { label: t("status"), cell: (s) => (s.confirmedAt ? t("subscriptionConfirmed") : t("subscriptionPending")) },
                ]}
              />
            </Section>
          ) : null}

          {data.mail.length > 0 ? (
            <Section id="epost" heading={t("mailHeading")}>
              <ColumnTable
                caption={t("mailCaption")}
                captionHidden
                rows={data.mail}
                rowKey={(m) => m.id}
                columns={[
                  { label: t("mailTo"), cell: (m) => m.to },
                  { label: t("mailSubject"), cell: (m) => m.subject },
                  { label: t("mailQueued"), cell: (m) => f.moment(m.createdAt) },
                  { label: t("mailSent"), cell: (m) => (m.sentAt ? f.moment(m.sentAt) : t("mailWaiting")) },
                ]}
              />
            </Section>
          ) : null}

          {data.auditEvents.length > 0 ? (
            <Section id="logg" heading={t("eventsHeading")}>
              <p className="max-w-prose text-slate-700">{t("eventsIntro")}</p>
              <ColumnTable
                caption={t("eventsCaption")}
                captionHidden
                rows={data.auditEvents.slice(0, EVENTS_SHOWN)}
                rowKey={({ event }) => event.id}
                columns={[
                  { label: t("when"), cell: ({ event }) => f.moment(event.at) },
                  { label: t("what"), cell: ({ event }) => <code>{event.action}</code> },
                  { label: t("record"), cell: ({ event }) => `${event.entityType} ${event.entityId}` },
                  { label: t("where"), cell: ({ asActor, matches }) => [...(asActor ? [t("byThePerson")] : []), ...new Set(matches.map((m) => m.path))].join(", ") },
                ]}
              />
              {data.auditEvents.length > EVENTS_SHOWN ? <p>{t("eventsMore", { shown: EVENTS_SHOWN, total: data.auditEvents.length })}</p> : null}
            </Section>
          ) : null}

          {data.releases.length > 0 ? (
            <Section id="press" heading={t("releasesHeading")}>
              <ul className="list-disc pl-6">
                {data.releases.map(({ release, published }) => (
                  <li key={release.id}>
                    <Link href={`/press/${release.id}`} className="text-brand-700 underline">
                      {published ? t("releasePublished", { headline: release.headline }) : t("releaseDraft", { id: release.id })}
                    </Link>
                  </li>
                ))}
              </ul>
              {data.releases.some((r) => r.published) ? <p className="max-w-prose">{t("releasesPublished")}</p> : null}
              {data.releases.some((r) => !r.published) ? <p className="max-w-prose">{t("releasesDraft")}</p> : null}
            </Section>
          ) : null}

          <Section id="exportera" heading={t("exportHeading")}>
            <p className="max-w-prose">{t("exportIntro")}</p>
            <div>
              <a href={`/personuppgifter/export?sok=${encodeURIComponent(term)}`} download className={buttonClasses("secondary")}>
                {t("export")}
              </a>
            </div>
          </Section>

          <section aria-labelledby="radera" className="flex flex-col gap-3 border-t border-slate-300 pt-6">
            <h2 id="radera" className="text-xl font-semibold">
              {t("eraseHeading")}
            </h2>
            <p className="max-w-prose">{t("eraseIntro")}</p>
            <EraseForm term={term} userCount={data.users.length} contactCount={data.contacts.length} />
          </section>
        </div>
      ) : null}
    </>
  );
}
