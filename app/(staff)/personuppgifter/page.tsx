import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { suggestPeople } from "@/db/queries/personal-data";
import { listCounties } from "@/db/queries/reference";
import { PRESS_TOPICS, type PressTopic } from "@/lib/enums";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import Link from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
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
      <form method="get" action="/personuppgifter" role="search" className="mb-6 flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-slate-50 p-4">
        <div className="flex min-w-64 flex-1 flex-col gap-1">
          <label htmlFor="sok" className="font-medium">
            {t("search")}
          </label>
          <input id="sok" name="sok" type="search" defaultValue={term} aria-describedby="sok-hint" className="min-h-11 rounded-md border border-slate-500 px-3" />
          <p id="sok-hint" className="text-sm text-slate-700">
            {t("searchHint")}
          </p>
        </div>
        <div className="pb-7">
          <button type="submit" className={buttonClasses("primary")}>
            {t("searchSubmit")}
          </button>
        </div>
      </form>

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
            <section aria-labelledby="konto" className="flex flex-col gap-3">
              <h2 id="konto" className="text-xl font-semibold">
                {t("usersHeading")}
              </h2>
              <Table caption={t("usersCaption")} captionHidden>
                <thead>
                  <tr>
                    <Th>{t("name")}</Th>
                    <Th>{t("email")}</Th>
                    <Th>{t("phone")}</Th>
                    <Th>{t("role")}</Th>
                    <Th>{t("organisation")}</Th>
                    <Th>{t("lastSignIn")}</Th>
                    <Th>{t("previousSignIn")}</Th>
                    <Th numeric>{t("sessions")}</Th>
                    <Th>{t("status")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.users.map((u) => (
                    <tr key={u.id}>
                      <Td label={t("name")}>{u.name}</Td>
                      <Td label={t("email")}>{u.email}</Td>
                      <Td label={t("phone")}>{u.phone ?? t("none")}</Td>
                      <Td label={t("role")}>{tRoles(u.role as "admin")}</Td>
                      <Td label={t("organisation")}>{u.organisationName ?? t("none")}</Td>
                      <Td label={t("lastSignIn")}>{when(u.lastSignedInAt)}</Td>
                      <Td label={t("previousSignIn")}>{when(u.previousSignedInAt)}</Td>
                      <Td label={t("sessions")} numeric>
                        {u.sessions}
                      </Td>
                      <Td label={t("status")}>{u.disabled ? t("disabled") : t("active")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ) : null}

          {data.contacts.length > 0 ? (
            <section aria-labelledby="kontaktperson" className="flex flex-col gap-3">
              <h2 id="kontaktperson" className="text-xl font-semibold">
                {t("contactsHeading")}
              </h2>
              <Table caption={t("contactsCaption")} captionHidden>
                <thead>
                  <tr>
                    <Th>{t("registrationNumber")}</Th>
                    <Th>{t("project")}</Th>
                    <Th>{t("organisation")}</Th>
                    <Th>{t("name")}</Th>
                    <Th>{t("contactTitle")}</Th>
                    <Th>{t("phone")}</Th>
                    <Th>{t("email")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.contacts.map((c) => (
                    <tr key={c.applicationId}>
                      <Td label={t("registrationNumber")}>
                        <Link href={`/ansokningar/${c.applicationId}`} className="text-brand-700 underline">
                          {c.registrationNumber}
                        </Link>
                      </Td>
                      <Td label={t("project")}>{c.projectTitle}</Td>
                      <Td label={t("organisation")}>{c.organisationName}</Td>
                      <Td label={t("name")}>{c.contactName || t("none")}</Td>
                      <Td label={t("contactTitle")}>{c.contactTitle || t("none")}</Td>
                      <Td label={t("phone")}>{c.contactPhone || t("none")}</Td>
                      <Td label={t("email")}>{c.contactEmail || t("none")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ) : null}

          {data.subscriptions.length > 0 ? (
            <section aria-labelledby="prenumerationer" className="flex flex-col gap-3">
              <h2 id="prenumerationer" className="text-xl font-semibold">
                {t("subscriptionsHeading")}
              </h2>
              <Table caption={t("subscriptionsCaption")} captionHidden>
                <thead>
                  <tr>
                    <Th>{t("email")}</Th>
                    <Th>{t("subscriptionChoice")}</Th>
                    <Th>{t("subscribedAt")}</Th>
                    <Th>{t("status")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.subscriptions.map((s) => (
                    <tr key={s.id}>
                      <Td label={t("email")}>{s.email}</Td>
                      <Td label={t("subscriptionChoice")}>
                        {[s.topic ? topicName(s.topic) : null, s.countyCode ? (countyNames.get(s.countyCode) ?? s.countyCode) : null].filter(Boolean).join(", ") ||
                          t("subscriptionAll")}
                      </Td>
                      <Td label={t("subscribedAt")}>{f.moment(s.createdAt)}</Td>
                      <Td label={t("status")}>{s.confirmedAt ? t("subscriptionConfirmed") : t("subscriptionPending")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ) : null}

          {data.mail.length > 0 ? (
            <section aria-labelledby="epost" className="flex flex-col gap-3">
              <h2 id="epost" className="text-xl font-semibold">
                {t("mailHeading")}
              </h2>
              <Table caption={t("mailCaption")} captionHidden>
                <thead>
                  <tr>
                    <Th>{t("mailTo")}</Th>
                    <Th>{t("mailSubject")}</Th>
                    <Th>{t("mailQueued")}</Th>
                    <Th>{t("mailSent")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.mail.map((m) => (
                    <tr key={m.id}>
                      <Td label={t("mailTo")}>{m.to}</Td>
                      <Td label={t("mailSubject")}>{m.subject}</Td>
                      <Td label={t("mailQueued")}>{f.moment(m.createdAt)}</Td>
                      <Td label={t("mailSent")}>{m.sentAt ? f.moment(m.sentAt) : t("mailWaiting")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </section>
          ) : null}

          {data.auditEvents.length > 0 ? (
            <section aria-labelledby="logg" className="flex flex-col gap-3">
              <h2 id="logg" className="text-xl font-semibold">
                {t("eventsHeading")}
              </h2>
              <p className="max-w-prose text-slate-700">{t("eventsIntro")}</p>
              <Table caption={t("eventsCaption")} captionHidden>
                <thead>
                  <tr>
                    <Th>{t("when")}</Th>
                    <Th>{t("what")}</Th>
                    <Th>{t("record")}</Th>
                    <Th>{t("where")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.auditEvents.slice(0, EVENTS_SHOWN).map(({ event, asActor, matches }) => (
                    <tr key={event.id}>
                      <Td label={t("when")}>{f.moment(event.at)}</Td>
                      <Td label={t("what")}>
                        <code>{event.action}</code>
                      </Td>
                      <Td label={t("record")}>
                        {event.entityType} {event.entityId}
                      </Td>
                      <Td label={t("where")}>{[...(asActor ? [t("byThePerson")] : []), ...new Set(matches.map((m) => m.path))].join(", ")}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {data.auditEvents.length > EVENTS_SHOWN ? <p>{t("eventsMore", { shown: EVENTS_SHOWN, total: data.auditEvents.length })}</p> : null}
            </section>
          ) : null}

          {data.releases.length > 0 ? (
            <section aria-labelledby="press" className="flex flex-col gap-3">
              <h2 id="press" className="text-xl font-semibold">
                {t("releasesHeading")}
              </h2>
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
            </section>
          ) : null}

          <section aria-labelledby="exportera" className="flex flex-col gap-3">
            <h2 id="exportera" className="text-xl font-semibold">
              {t("exportHeading")}
            </h2>
            <p className="max-w-prose">{t("exportIntro")}</p>
            <div>
              <a href={`/personuppgifter/export?sok=${encodeURIComponent(term)}`} download className={buttonClasses("secondary")}>
                {t("export")}
              </a>
            </div>
          </section>

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
