import type { DbOrTx } from "@/db/client";
import {
  countUserSessionRows,
  findPersonContacts,
  findPersonMail,
  findPersonSubscriptions,
  findPersonUsers,
  listCandidateAuditEvents,
  listRoundReleases,
  type PersonContactRow,
  type PersonMailRow,
  type PersonSubscriptionRow,
  type PersonSubject,
  type PersonUserRow,
  type RoundRelease,
} from "@/db/queries/personal-data";
import type { AuditEvent } from "@/db/schema";
import { normaliseText } from "@/lib/validation/fields";
import { findInJson, personValues, type Match, type PersonValues } from "./values";

export type { PersonSubject };

/** What the search box holds, as the person to look for: an email address (has "@") or a name. Null when too short. */
export function subjectOf(term: string): PersonSubject | null {
  const text = normaliseText(term).replace(/\s+/gu, " ").trim().slice(0, 200);
  if (text.length < 3) return null;
  return text.includes("@") ? { kind: "email", email: text.toLowerCase() } : { kind: "name", name: text };
}

export type PersonAuditMatch = {
  event: AuditEvent;
  /** The person made the change (their name is the event's "who"). */
  asActor: boolean;
  matches: Match[];
};

export type PersonReleaseMention = { release: RoundRelease; published: boolean; matches: Match[] };

export type PersonalData = {
  subject: PersonSubject;
  users: (PersonUserRow & { sessions: number })[];
  contacts: PersonContactRow[];
  values: PersonValues;
  auditEvents: PersonAuditMatch[];
  /** Releases whose text names the person: published ones stay as published. */
  releases: PersonReleaseMention[];
  /** Every release of the person's applications' rounds (their remembered facts may hold the contact). */
  roundReleases: RoundRelease[];
  /** The person's addresses (the one searched for, their account's, their contact entries'). */
  emails: string[];
  /** Newsroom subscriptions of those addresses. */
  subscriptions: PersonSubscriptionRow[];
  /** Mail to those addresses in the outbox (subject and times; the bodies are not shown or exported). */
  mail: PersonMailRow[];
};

export function isEmpty(data: PersonalData): boolean {
  return data.users.length === 0 && data.contacts.length === 0 && data.subscriptions.length === 0 && data.mail.length === 0;
}

/** Everything stored about the person, read through the bounded, indexed queries of db/queries/personal-data.ts. */
export function findPersonalData(db: DbOrTx, subject: PersonSubject): PersonalData {
  const users = findPersonUsers(db, subject).map((u) => ({ ...u, sessions: countUserSessionRows(db, u.id) }));
  const contacts = findPersonContacts(db, subject);
  const values = personValues({
    names: [...users.map((u) => u.name), ...contacts.map((c) => c.contactName)],
    emails: [...users.map((u) => u.email), ...contacts.map((c) => c.contactEmail)],
    phones: [...users.map((u) => u.phone), ...contacts.map((c) => c.contactPhone)],
    titles: contacts.map((c) => c.contactTitle),
    registrationNumbers: contacts.map((c) => c.registrationNumber),
  });
  const userIds = users.map((u) => u.id);
  const roundReleases = listRoundReleases(db, [...new Set(contacts.map((c) => c.roundId))]);
  const candidates = listCandidateAuditEvents(db, {
    applicationIds: contacts.map((c) => c.applicationId),
    userIds,
    releaseIds: roundReleases.map((r) => r.id),
  });
  const auditEvents = candidates
    .map((event) => {
      const asActor = event.actorId !== null && userIds.includes(event.actorId);
      const matches = [...findInJson(event.before, values, "before"), ...findInJson(event.after, values, "after")];
      return { event, asActor, matches };
    })
    .filter((m) => m.asActor || m.matches.length > 0);
  const releases = roundReleases
    .map((release) => ({
      release,
      published: release.publishedAt !== null,
      matches: findInJson({ headline: release.headline, ingress: release.ingress, body: release.body, quotes: release.quotes, contacts: release.contacts }, values),
    }))
    .filter((r) => r.matches.length > 0);
  const emails = [
    ...new Set(
      [subject.kind === "email" ? subject.email : "", ...users.map((u) => u.email), ...contacts.map((c) => c.contactEmail)]
        .map((e) => e.trim().toLowerCase())
        .filter((e) => e.includes("@")),
    ),
  ];
  const subscriptions = findPersonSubscriptions(db, emails);
  const mail = findPersonMail(db, emails);
  return { subject, users, contacts, values, auditEvents, releases, roundReleases, emails, subscriptions, mail };
}

/**
 * The export: everything stored about the person and nothing about anyone else. Audit events are given as where the
 * person's details are in them (path and value), not whole: an event's other fields are other people's business
 * (the contact person before or after, an officer's edit of the same application).
 */
export function personalDataExport(data: PersonalData, at = new Date()) {
  return {
    exportedAt: at.toISOString(),
    description: "Uppgifter som Anslag lagrar om personen: användarkonto, kontaktperson på ansökningar, händelser i loggen som innehåller personens uppgifter, pressmeddelanden som nämner personen, prenumerationer i nyhetsrummet och e-post till personen.",
    userAccounts: data.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      phone: u.phone,
      role: u.role,
      organisation: u.organisationId === null ? null : { id: u.organisationId, name: u.organisationName },
      disabled: u.disabled,
      createdAt: u.createdAt.toISOString(),
      lastSignedInAt: u.lastSignedInAt?.toISOString() ?? null,
      previousSignedInAt: u.previousSignedInAt?.toISOString() ?? null,
      passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null,
      activeSessions: u.sessions,
    })),
    contactPerson: data.contacts.map((c) => ({
      application: { id: c.applicationId, registrationNumber: c.registrationNumber, projectTitle: c.projectTitle, organisation: c.organisationName, programme: c.programmeName, round: { ordinal: c.roundOrdinal, year: c.roundYear } },
      name: c.contactName,
      title: c.contactTitle,
      phone: c.contactPhone,
      email: c.contactEmail,
    })),
    auditEvents: data.auditEvents.map(({ event, asActor, matches }) => ({
      id: event.id,
      at: event.at.toISOString(),
      action: event.action,
      entity: { type: event.entityType, id: event.entityId },
      madeByThePerson: asActor,
      ...(asActor ? { actorLabel: event.actorLabel } : {}),
      details: matches,
    })),
    newsroomSubscriptions: data.subscriptions.map((s) => ({
      email: s.email,
      topic: s.topic,
      county: s.countyCode,
      language: s.locale,
      subscribedAt: s.createdAt.toISOString(),
      confirmedAt: s.confirmedAt?.toISOString() ?? null,
    })),
    mail: data.mail.map((m) => ({ to: m.to, kind: m.kind, subject: m.subject, queuedAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null })),
    pressReleases: data.releases.map(({ release, published, matches }) => ({ id: release.id, headline: published ? release.headline : null, status: release.status, published, mentions: matches })),
  };
}
