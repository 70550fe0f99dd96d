import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  applications,
  auditEvents,
  mailOutbox,
  newsroomSubscriptions,
  organisations,
  passwordTokens,
  pressComments,
  pressReleaseVersions,
  pressReleases,
  pressTemplateVersions,
  programmes,
  rounds,
  sessions,
  users,
  type AuditEvent,
  type ReleaseFacts,
} from "../schema";
import { swedishSortKey } from "@/lib/format/sort";

/*
 * What is stored about one person (GDPR, lib/personal-data/): their user account, the applications that name them as
 * contact person, the audit events that hold their details, and the press releases of those applications' rounds.
 *
 * How each is found, and what it costs:
 * - users by email through users_email_unique; by name through a scan of users (a few hundred rows).
 * - applications by contact email or name: applications have no index on the contact columns, so this is one scan of
 *   the table's rows with LIMIT (at 100 000 applications a few tens of milliseconds, for an admin's page). Names are
 *   compared with NOCASE (A-Z) and in the spellings the search term was given in, lower-cased and capitalised,
 *   because SQLite folds no other letters ("åsa öberg" finds "Åsa Öberg" as the capitalised spelling).
 * - audit events never through a scan of audit_events (the largest table): the candidates are the events of the
 *   person's applications and their decisions and of their user account (audit_events_entity_idx), the events they
 *   made (audit_events_actor_idx), and the events of the press releases of those applications' rounds (the round's
 *   releases are few); each candidate's JSON is then checked in JavaScript. An application that named the person
 *   only in the past (its contact person has changed since) is not among them: its current contact is someone else.
 */

export const PERSON_APPLICATION_LIMIT = 500;
export const PERSON_USER_LIMIT = 20;

export type PersonSubject = { kind: "email"; email: string } | { kind: "name"; name: string };

/** The spellings a name is looked up in: as given, lower case, upper case, and each word capitalised. */
export function nameSpellings(name: string): string[] {
  const lower = name.toLocaleLowerCase("sv");
  const capitalised = lower.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase("sv"));
  return [...new Set([name, lower, name.toLocaleUpperCase("sv"), capitalised])];
}

const nocaseIn = (column: unknown, values: string[]) => sql`${column} COLLATE NOCASE IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;

export type PersonUserRow = {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  role: string;
  organisationId: number | null;
  organisationName: string | null;
  disabled: boolean;
  lastSignedInAt: Date | null;
  previousSignedInAt: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
};

export function findPersonUsers(db: DbOrTx, subject: PersonSubject): PersonUserRow[] {
  const where =
    subject.kind === "email" ? eq(users.email, subject.email.trim().toLowerCase()) : nocaseIn(users.name, nameSpellings(subject.name));
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      role: users.role,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      disabled: users.disabled,
      lastSignedInAt: users.lastSignedInAt,
      previousSignedInAt: users.previousSignedInAt,
      passwordChangedAt: users.passwordChangedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(asc(users.id))
    .limit(PERSON_USER_LIMIT)
    .all();
}

export function countUserSessionRows(db: DbOrTx, userId: number): number {
  return db.select({ n: sql<number>`count(*)` }).from(sessions).where(eq(sessions.userId, userId)).get()?.n ?? 0;
}

export type PersonContactRow = {
  applicationId: number;
  registrationNumber: string;
  projectTitle: string;
  roundId: number;
  roundOrdinal: number;
  roundYear: number;
  programmeName: string;
  organisationName: string;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
};

/** Applications whose contact person is the subject: by email, or (for a name) by name. Bounded. */
export function findPersonContacts(db: DbOrTx, subject: PersonSubject): PersonContactRow[] {
  const where =
    subject.kind === "email"
      ? sql`${applications.contactEmail} COLLATE NOCASE = ${subject.email.trim()}`
      : nocaseIn(applications.contactName, nameSpellings(subject.name));
  return db
    .select({
      applicationId: applications.id,
      registrationNumber: applications.registrationNumber,
      projectTitle: applications.projectTitle,
      roundId: applications.roundId,
      roundOrdinal: rounds.ordinal,
      roundYear: rounds.year,
      programmeName: programmes.name,
      organisationName: organisations.name,
      contactName: applications.contactName,
      contactTitle: applications.contactTitle,
      contactPhone: applications.contactPhone,
      contactEmail: applications.contactEmail,
    })
    .from(applications)
    .innerJoin(rounds, eq(rounds.id, applications.roundId))
    .innerJoin(programmes, eq(programmes.id, rounds.programmeId))
    .innerJoin(organisations, eq(organisations.id, applications.leadOrganisationId))
    .where(where)
    .orderBy(asc(applications.id))
    .limit(PERSON_APPLICATION_LIMIT)
    .all();
}

/** Names and emails that contain `term`, of users and contact persons, for "did you mean"; bounded. */
export function suggestPeople(db: DbOrTx, term: string, limit = 20): { name: string; email: string }[] {
  const patterns = nameSpellings(term).map((s) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const like = (column: unknown) => sql.join(patterns.map((p) => sql`${column} LIKE ${p} ESCAPE '\\'`), sql` OR `);
  const fromUsers = db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(sql`(${like(users.name)}) OR (${like(users.email)})`)
    .limit(limit)
    .all();
  const fromContacts = db
    .selectDistinct({ name: applications.contactName, email: applications.contactEmail })
    .from(applications)
    .where(sql`${applications.contactName} <> '' AND ((${like(applications.contactName)}) OR (${like(applications.contactEmail)}))`)
    .limit(limit)
    .all();
  const seen = new Set<string>();
  return [...fromUsers, ...fromContacts].filter((p) => {
    const key = `${p.name.toLowerCase()}\n${p.email.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, limit);
}

/** The audit events that may hold the person's details, found through the indexes only (see the top of this file). */
export function listCandidateAuditEvents(
  db: DbOrTx,
  ids: { applicationIds: readonly number[]; userIds: readonly number[]; releaseIds: readonly number[] },
): AuditEvent[] {
  const conditions = [
    ids.applicationIds.length ? and(inArray(auditEvents.entityType, ["application", "decision"]), inArray(auditEvents.entityId, [...ids.applicationIds])) : undefined,
    ids.userIds.length ? and(eq(auditEvents.entityType, "user"), inArray(auditEvents.entityId, [...ids.userIds])) : undefined,
    ids.userIds.length ? inArray(auditEvents.actorId, [...ids.userIds]) : undefined,
    ids.releaseIds.length ? and(eq(auditEvents.entityType, "release"), inArray(auditEvents.entityId, [...ids.releaseIds])) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  return db.select().from(auditEvents).where(or(...conditions)).orderBy(asc(auditEvents.id)).all();
}

export type RoundRelease = {
  id: number;
  roundId: number;
  status: string;
  headline: string;
  ingress: string;
  body: string;
  quotes: unknown;
  contacts: string;
  publishedAt: Date | null;
  facts: ReleaseFacts;
  factsHash: string;
};

/** The press releases of these rounds (press_releases_round_idx), with their text and remembered facts. */
export function listRoundReleases(db: DbOrTx, roundIds: readonly number[]): RoundRelease[] {
  if (roundIds.length === 0) return [];
  return db
    .select({
      id: pressReleases.id,
      roundId: pressReleases.roundId,
      status: pressReleases.status,
      headline: pressReleases.headline,
      ingress: pressReleases.ingress,
      body: pressReleases.body,
      quotes: pressReleases.quotes,
      contacts: pressReleases.contacts,
      publishedAt: pressReleases.publishedAt,
      facts: pressReleases.facts,
      factsHash: pressReleases.factsHash,
    })
    .from(pressReleases)
    .where(inArray(pressReleases.roundId, [...roundIds]))
    .orderBy(asc(pressReleases.id))
    .all();
}

// ---------------------------------------------------------------- the erasure's writes (one transaction, lib/personal-data/erase.ts)

export const ERASED_USER_NAME = "Raderad användare";

/** The account stays (decisions and the audit trail refer to it) without anything that names the person. */
export function anonymiseUser(tx: DbOrTx, userId: number, at: Date): void {
  tx.update(users)
    .set({ name: ERASED_USER_NAME, email: `raderad-${userId}@anslag.invalid`, phone: null, disabled: true, sortName: swedishSortKey(ERASED_USER_NAME), updatedAt: at })
    .where(eq(users.id, userId))
    .run();
}

export function deleteAllUserSessions(tx: DbOrTx, userId: number): number {
  return tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Every label that names the user as the one who wrote a comment or saved a version is replaced too. */
export function relabelUserInPress(tx: DbOrTx, userId: number): void {
  tx.update(pressComments).set({ authorLabel: ERASED_USER_NAME }).where(eq(pressComments.authorId, userId)).run();
  tx.update(pressReleaseVersions).set({ savedByLabel: ERASED_USER_NAME }).where(eq(pressReleaseVersions.savedBy, userId)).run();
  tx.update(pressTemplateVersions).set({ savedByLabel: ERASED_USER_NAME }).where(eq(pressTemplateVersions.savedBy, userId)).run();
}

export const ERASED_CONTACT_NAME = "Raderad";

/** Clears the contact person of these applications; a new version, so an open edit form cannot write them back. */
export function clearApplicationContacts(tx: DbOrTx, applicationIds: readonly number[], at: Date): void {
  if (applicationIds.length === 0) return;
  tx.update(applications)
    .set({ contactName: ERASED_CONTACT_NAME, contactTitle: "", contactPhone: "", contactEmail: "", version: sql`${applications.version} + 1`, updatedAt: at })
    .where(inArray(applications.id, [...applicationIds]))
    .run();
}

export function rewriteAuditEvent(
  tx: DbOrTx,
  id: number,
  values: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; actorLabel: string },
): void {
  tx.update(auditEvents).set(values).where(eq(auditEvents.id, id)).run();
}

export function rewriteReleaseFacts(tx: DbOrTx, releaseId: number, facts: ReleaseFacts, factsHash: string): void {
  tx.update(pressReleases).set({ facts, factsHash }).where(eq(pressReleases.id, releaseId)).run();
}

/**
 * Revokes the user's open password links (invitations, resets), so none can set a password on the anonymised account.
 * The password_tokens table comes with the user administration (issue 13); until it exists this is a no-op, hence the
 * raw statement behind a check of the schema rather than a table import. Returns how many links were revoked.
 */
export function revokeOpenPasswordTokens(tx: DbOrTx, userId: number, at: Date): number {
  return tx
    .update(passwordTokens)
    .set({ revokedAt: at })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt), isNull(passwordTokens.revokedAt)))
    .run().changes;
}

// ---------------------------------------------------------------- newsroom subscriptions and mail

export const PERSON_MAIL_LIMIT = 200;

export type PersonSubscriptionRow = {
  id: number;
  email: string;
  topic: string | null;
  countyCode: string | null;
  locale: string;
  confirmedAt: Date | null;
  createdAt: Date;
};

/** The newsroom subscriptions of the addresses (the unique index on email and choice). */
export function findPersonSubscriptions(db: DbOrTx, emails: readonly string[]): PersonSubscriptionRow[] {
  if (emails.length === 0) return [];
  return db
    .select({
      id: newsroomSubscriptions.id,
      email: newsroomSubscriptions.email,
      topic: newsroomSubscriptions.topic,
      countyCode: newsroomSubscriptions.countyCode,
      locale: newsroomSubscriptions.locale,
      confirmedAt: newsroomSubscriptions.confirmedAt,
      createdAt: newsroomSubscriptions.createdAt,
    })
    .from(newsroomSubscriptions)
    .where(inArray(newsroomSubscriptions.email, [...emails]))
    .orderBy(asc(newsroomSubscriptions.id))
    .all();
}

export type PersonMailRow = { id: number; to: string; kind: string; subject: string; createdAt: Date; sentAt: Date | null };

/** Mail to the addresses in the outbox (mail_outbox_to_idx), newest first, bounded; never the bodies. */
export function findPersonMail(db: DbOrTx, emails: readonly string[]): PersonMailRow[] {
  if (emails.length === 0) return [];
  return db
    .select({ id: mailOutbox.id, to: mailOutbox.to, kind: mailOutbox.kind, subject: mailOutbox.subject, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(inArray(mailOutbox.to, [...emails]))
    .orderBy(sql`${mailOutbox.id} DESC`)
    .limit(PERSON_MAIL_LIMIT)
    .all();
}

export function deletePersonSubscriptions(tx: DbOrTx, emails: readonly string[]): number {
  if (emails.length === 0) return 0;
  return tx.delete(newsroomSubscriptions).where(inArray(newsroomSubscriptions.email, [...emails])).run().changes;
}

/** The person's mail, sent or waiting: it holds their address and what was said to them. */
export function deletePersonMail(tx: DbOrTx, emails: readonly string[]): number {
  if (emails.length === 0) return 0;
  return tx.delete(mailOutbox).where(inArray(mailOutbox.to, [...emails])).run().changes;
}
