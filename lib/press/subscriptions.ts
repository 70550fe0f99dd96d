import { createHash, randomBytes } from "node:crypto";
import { createTranslator } from "next-intl";
import type { Db, DbOrTx } from "@/db/client";
import { getRelease, isPublicRelease, PUBLIC_GOING_STATUSES } from "@/db/queries/press-releases";
import {
  cancelPendingMailing,
  countPendingSubscriptions,
  deleteExpiredUnconfirmed,
  deleteSubscription,
  getSubscriptionByChoice,
  getSubscriptionByConfirmHash,
  getSubscriptionByUnsubscribeToken,
  insertSubscription,
  listDueMailings,
  listReleaseRecipients,
  markMailingSent,
  markSubscriptionConfirmed,
  planReleaseMailing,
  renewConfirmation,
  type SubscriptionFilter,
} from "@/db/queries/subscriptions";
import { countyExists, getCounty } from "@/db/queries/reference";
import { inWriteTransaction } from "@/db/transaction";
import type { Release } from "@/db/queries/press-releases";
import { writeAudit } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { publicHref } from "@/lib/i18n/public-paths";
import enNewsroom from "@/lib/i18n/messages/en/newsroom.json" with { type: "json" };
import en from "@/lib/i18n/messages/en/subscriptions.json" with { type: "json" };
import svNewsroom from "@/lib/i18n/messages/sv/newsroom.json" with { type: "json" };
import sv from "@/lib/i18n/messages/sv/subscriptions.json" with { type: "json" };
import { publicBaseUrl } from "@/lib/mail/config";
import { enqueueMail } from "@/lib/mail/outbox";
import type { SubscribeValues } from "./subscription-schema";

/*
 * Newsroom subscriptions by mail: journalists and others choose a topic and a county (or all), confirm from a mail
 * (double opt-in), and then get every release of their choice once, when it is first public. Every mail carries a
 * one-click unsubscribe link (RFC 8058). Nothing is stored about a subscriber but the address, the choice, the
 * language and the links' tokens; an address that never confirms is removed when its link expires.
 */

export const CONFIRM_LINK_DAYS = 7;
/** A new confirmation mail for the same choice at most this often, so the form cannot flood a mailbox. */
export const CONFIRM_RESEND_MS = 10 * 60 * 1000;
/** At most this many choices of one address wait for confirmation; more are not mailed. */
export const MAX_PENDING_PER_ADDRESS = 5;

export const COUNTY_UNKNOWN = "Välj ett län i listan.";

const CATALOGUES = { sv: sv.subscriptions, en: en.subscriptions } as const;
const TOPIC_NAMES: Record<Locale, Record<string, string>> = { sv: svNewsroom.newsroom.topics, en: enNewsroom.newsroom.topics };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function mailText(locale: Locale) {
  return createTranslator({ locale, messages: { mail: CATALOGUES[locale].mail }, namespace: "mail" });
}

function absolute(path: string, locale: Locale): string {
  return `${publicBaseUrl()}${publicHref(path, locale)}`;
}

/** The page a mail's unsubscribe link opens, and the address a mail program posts to for one click (RFC 8058). */
export function unsubscribeLinks(token: string, locale: Locale): { page: string; oneClick: string } {
  return {
    page: absolute(`/nyheter/prenumerera/avsluta/${token}`, locale),
    oneClick: `${publicBaseUrl()}/api/newsroom/unsubscribe/${token}`,
  };
}

/** How a choice reads ("Utbildning, Västerbottens län", "alla pressmeddelanden"). */
export function describeChoice(db: DbOrTx, filter: SubscriptionFilter, locale: Locale): string {
  const parts: string[] = [];
  if (filter.topic) parts.push(TOPIC_NAMES[locale][filter.topic] ?? filter.topic);
  if (filter.countyCode) parts.push(getCounty(db, filter.countyCode)?.name ?? filter.countyCode);
  return parts.length > 0 ? parts.join(", ") : CATALOGUES[locale].allReleases;
}

/**
 * Subscribes an address to a choice, pending its confirmation: mails a link to confirm (through the outbox, in the
 * same transaction). The answer is the same whatever happened (new, already pending, already confirmed, too many),
 * so the form tells no one whether an address subscribes.
 */
export function subscribe(db: Db, input: SubscribeValues, now = new Date()): void {
  const email = input.email.trim().toLowerCase();
  const filter: SubscriptionFilter = { topic: input.topic || null, countyCode: input.countyCode || null };
  const locale = input.locale;
  inWriteTransaction(db, (tx) => {
    if (filter.countyCode && !countyExists(tx, filter.countyCode)) throw new DomainError(COUNTY_UNKNOWN, { countyCode: [COUNTY_UNKNOWN] }, "invalid");
    deleteExpiredUnconfirmed(tx, now);
    const existing = getSubscriptionByChoice(tx, email, filter);
    if (existing?.confirmedAt) return;
    const token = newToken();
    const confirmExpiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * 86_400_000);
    if (existing) {
      const sentAt = (existing.confirmExpiresAt?.getTime() ?? 0) - CONFIRM_LINK_DAYS * 86_400_000;
      if (now.getTime() - sentAt < CONFIRM_RESEND_MS) return;
      renewConfirmation(tx, existing.id, { confirmTokenHash: hashToken(token), confirmExpiresAt, locale });
    } else {
      if (countPendingSubscriptions(tx, email) >= MAX_PENDING_PER_ADDRESS) return;
      insertSubscription(tx, { email, filter, locale, confirmTokenHash: hashToken(token), confirmExpiresAt, unsubscribeToken: newToken(), at: now });
    }
    const t = mailText(locale);
    const link = absolute(`/nyheter/prenumerera/bekrafta/${token}`, locale);
    enqueueMail(
      tx,
      {
        to: email,
        subject: t("confirmSubject"),
        text: t("confirmText", { choice: describeChoice(tx, filter, locale), link, days: CONFIRM_LINK_DAYS }),
        kind: "newsroom.confirm",
      },
      now,
    );
  });
}

export type ConfirmResult = { ok: true; choice: string } | { ok: false };

/** What a confirmation link leads to, without confirming (the page asks for a click: mail scanners follow links). */
export function subscriptionToConfirm(db: Db, token: string, locale: Locale, now = new Date()): ConfirmResult {
  const row = getSubscriptionByConfirmHash(db, hashToken(token));
  if (!row || !row.confirmExpiresAt || row.confirmExpiresAt <= now) return { ok: false };
  return { ok: true, choice: describeChoice(db, row, locale) };
}

/** Confirms a subscription from its link: a used, expired or unknown link confirms nothing. */
export function confirmSubscription(db: Db, token: string, locale: Locale, now = new Date()): ConfirmResult {
  return inWriteTransaction(db, (tx) => {
    const row = getSubscriptionByConfirmHash(tx, hashToken(token));
    if (!row || !row.confirmExpiresAt || row.confirmExpiresAt <= now) return { ok: false } as const;
    markSubscriptionConfirmed(tx, row.id, now);
    return { ok: true, choice: describeChoice(tx, row, locale) } as const;
  });
}

/** What an unsubscribe link would end (the page shows it before the click). */
export function subscriptionToEnd(db: Db, token: string, locale: Locale): ConfirmResult {
  const row = getSubscriptionByUnsubscribeToken(db, token);
  return row ? { ok: true, choice: describeChoice(db, row, locale) } : { ok: false };
}

/**
 * Ends a subscription from the link in its mails: the row is deleted, the address with it. An unknown link (already
 * unsubscribed) answers the same, so a second click is no error.
 */
export function unsubscribe(db: Db, token: string): void {
  inWriteTransaction(db, (tx) => {
    const row = getSubscriptionByUnsubscribeToken(tx, token);
    if (row) deleteSubscription(tx, row.id);
  });
}

// ---------------------------------------------------------------- mailing releases

/**
 * After a step that makes a release public (now, or at its time) or takes it back: plans its mailing, or cancels
 * the plan. Call it in the step's transaction; a release public now is mailed right away, in it.
 */
function goesPublic(release: Release): release is Release & { publishAt: Date } {
  return (PUBLIC_GOING_STATUSES as readonly string[]).includes(release.status) && release.publishAt !== null;
}

export function planMailingAfterStep(tx: DbOrTx, release: Release, now: Date): void {
  if (goesPublic(release)) {
    planReleaseMailing(tx, release.id, release.publishAt);
    if (release.publishAt.getTime() <= now.getTime()) mailDueReleases(tx, now);
  } else {
    cancelPendingMailing(tx, release.id);
  }
}

/**
 * Mails every release whose planned mailing is due and which is public now (the visibility rule): one mail per
 * subscriber address, through the outbox, and the mailing recorded with its count, so it is never sent again. A
 * release no longer public (taken back, or its time cleared when its facts changed) waits until it is. Call it in a
 * write transaction (the scheduler's tick, a publish step). Returns the releases mailed with their counts.
 */
export function mailDueReleases(tx: DbOrTx, now: Date): { releaseId: number; recipients: number }[] {
  const mailed: { releaseId: number; recipients: number }[] = [];
  for (const mailing of listDueMailings(tx, now)) {
    const release = getRelease(tx, mailing.releaseId);
    if (!release || !isPublicRelease(release, now)) {
      // Not public after all (its time moved, or was cleared when its facts changed): planned anew, or not at all.
      if (release && goesPublic(release)) planReleaseMailing(tx, release.id, release.publishAt);
      else cancelPendingMailing(tx, mailing.releaseId);
      continue;
    }
    const recipients = listReleaseRecipients(tx, release.topics, release.regionCode);
    if (!markMailingSent(tx, release.id, now, recipients.length)) continue;
    for (const recipient of recipients) {
      const t = mailText(recipient.locale);
      const links = unsubscribeLinks(recipient.unsubscribeToken, recipient.locale);
      enqueueMail(
        tx,
        {
          to: recipient.email,
          subject: release.headline,
          text: t("releaseText", {
            headline: release.headline,
            ingress: release.ingress,
            link: absolute(`/nyheter/${release.slug}`, recipient.locale),
            choice: describeChoice(tx, recipient, recipient.locale),
            unsubscribe: links.page,
          }),
          headers: { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
          kind: "newsroom.release",
        },
        now,
      );
    }
    writeAudit(tx, {
      actor: { id: null, label: "Nyhetsrummet" },
      action: "release.mailed",
      entityType: "release",
      entityId: release.id,
      before: null,
      after: { recipients: recipients.length },
      at: now,
    });
    mailed.push({ releaseId: release.id, recipients: recipients.length });
  }
  return mailed;
}
