import { and, asc, count, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { newsroomSubscriptions, pressReleaseMailings, type NewsroomSubscription, type PressReleaseMailing } from "../schema";

/*
 * The newsroom's mail subscriptions and the releases' mailings (tables in db/schema.ts). The rules (double opt-in,
 * what a mail says, when a release goes out) live in lib/press/subscriptions.ts.
 */

export type SubscriptionFilter = { topic: string | null; countyCode: string | null };

/** One key per choice, so an address subscribes once to each: "utbildning|24", "*|24", "*|*". */
export function filterKeyOf(filter: SubscriptionFilter): string {
  return `${filter.topic ?? "*"}|${filter.countyCode ?? "*"}`;
}

export function getSubscriptionByChoice(db: DbOrTx, email: string, filter: SubscriptionFilter): NewsroomSubscription | null {
  return (
    db
      .select()
      .from(newsroomSubscriptions)
      .where(and(eq(newsroomSubscriptions.email, email), eq(newsroomSubscriptions.filterKey, filterKeyOf(filter))))
      .get() ?? null
  );
}

export function insertSubscription(
  tx: DbOrTx,
  values: { email: string; filter: SubscriptionFilter; locale: "sv" | "en"; confirmTokenHash: string; confirmExpiresAt: Date; unsubscribeToken: string; at: Date },
): NewsroomSubscription {
  return tx
    .insert(newsroomSubscriptions)
    .values({
      email: values.email,
      topic: values.filter.topic,
      countyCode: values.filter.countyCode,
      filterKey: filterKeyOf(values.filter),
      locale: values.locale,
      confirmTokenHash: values.confirmTokenHash,
      confirmExpiresAt: values.confirmExpiresAt,
      unsubscribeToken: values.unsubscribeToken,
      createdAt: values.at,
    })
    .returning()
    .get();
}

/** A new confirmation link for a subscription not confirmed yet (the old link stops working). */
export function renewConfirmation(tx: DbOrTx, id: number, values: { confirmTokenHash: string; confirmExpiresAt: Date; locale: "sv" | "en" }): void {
  tx.update(newsroomSubscriptions)
    .set(values)
    .where(and(eq(newsroomSubscriptions.id, id), isNull(newsroomSubscriptions.confirmedAt)))
    .run();
}

export function getSubscriptionByConfirmHash(db: DbOrTx, hash: string): NewsroomSubscription | null {
  return db.select().from(newsroomSubscriptions).where(eq(newsroomSubscriptions.confirmTokenHash, hash)).get() ?? null;
}

export function markSubscriptionConfirmed(tx: DbOrTx, id: number, at: Date): void {
  tx.update(newsroomSubscriptions)
    .set({ confirmedAt: at, confirmTokenHash: null, confirmExpiresAt: null })
    .where(eq(newsroomSubscriptions.id, id))
    .run();
}

export function getSubscriptionByUnsubscribeToken(db: DbOrTx, token: string): NewsroomSubscription | null {
  return db.select().from(newsroomSubscriptions).where(eq(newsroomSubscriptions.unsubscribeToken, token)).get() ?? null;
}

export function deleteSubscription(tx: DbOrTx, id: number): void {
  tx.delete(newsroomSubscriptions).where(eq(newsroomSubscriptions.id, id)).run();
}

/** Unconfirmed subscriptions whose link has expired: nothing is kept about an address that never said yes. */
export function deleteExpiredUnconfirmed(tx: DbOrTx, now: Date): number {
  return tx
    .delete(newsroomSubscriptions)
    .where(and(isNull(newsroomSubscriptions.confirmedAt), lte(newsroomSubscriptions.confirmExpiresAt, now)))
    .run().changes;
}

export type Recipient = { email: string; locale: "sv" | "en"; unsubscribeToken: string; topic: string | null; countyCode: string | null };

/**
 * Who gets a release: every confirmed subscription to one of its topics or to all, and to its county or to all (a
 * release for the whole country goes to those who chose no county, as the newsroom's county filter shows only that
 * county's releases). One mail per address: with several matching subscriptions, the first one's link unsubscribes.
 */
export function listReleaseRecipients(db: DbOrTx, topics: readonly string[], countyCode: string | null): Recipient[] {
  const rows = db
    .select({
      email: newsroomSubscriptions.email,
      locale: newsroomSubscriptions.locale,
      unsubscribeToken: newsroomSubscriptions.unsubscribeToken,
      topic: newsroomSubscriptions.topic,
      countyCode: newsroomSubscriptions.countyCode,
    })
    .from(newsroomSubscriptions)
    .where(
      and(
        isNotNull(newsroomSubscriptions.confirmedAt),
        topics.length > 0 ? or(isNull(newsroomSubscriptions.topic), inArray(newsroomSubscriptions.topic, [...topics])) : isNull(newsroomSubscriptions.topic),
        countyCode ? or(isNull(newsroomSubscriptions.countyCode), eq(newsroomSubscriptions.countyCode, countyCode)) : isNull(newsroomSubscriptions.countyCode),
      ),
    )
    .orderBy(asc(newsroomSubscriptions.id))
    .all();
  const seen = new Set<string>();
  return rows.filter((row) => (seen.has(row.email) ? false : (seen.add(row.email), true)));
}

/** How many choices of one address wait for confirmation. */
export function countPendingSubscriptions(db: DbOrTx, email: string): number {
  return (
    db
      .select({ n: count() })
      .from(newsroomSubscriptions)
      .where(and(eq(newsroomSubscriptions.email, email), isNull(newsroomSubscriptions.confirmedAt)))
      .get()?.n ?? 0
  );
}

/** How many subscriptions an address has, confirmed or not (what a person's data export and the tests ask). */
export function countSubscriptionsOf(db: DbOrTx, email: string): number {
  return db.select({ n: count() }).from(newsroomSubscriptions).where(eq(newsroomSubscriptions.email, email)).get()?.n ?? 0;
}

/** How many confirmed subscriptions the newsroom has (the staff's press page shows it). */
export function countConfirmedSubscriptions(db: DbOrTx): number {
  return db.select({ n: count() }).from(newsroomSubscriptions).where(isNotNull(newsroomSubscriptions.confirmedAt)).get()?.n ?? 0;
}

// ---------------------------------------------------------------- mailings

/** Plans a release's mailing for when it is public; a mailing already sent stays as it is. */
export function planReleaseMailing(tx: DbOrTx, releaseId: number, dueAt: Date): void {
  tx.insert(pressReleaseMailings)
    .values({ releaseId, dueAt })
    .onConflictDoUpdate({ target: pressReleaseMailings.releaseId, set: { dueAt }, setWhere: isNull(pressReleaseMailings.mailedAt) })
    .run();
}

/** A release taken back before its time: its planned mailing goes (a sent one stays, as the record of it). */
export function cancelPendingMailing(tx: DbOrTx, releaseId: number): void {
  tx.delete(pressReleaseMailings)
    .where(and(eq(pressReleaseMailings.releaseId, releaseId), isNull(pressReleaseMailings.mailedAt)))
    .run();
}

/** Planned mailings whose time has come (the partial index of unsent ones). */
export function listDueMailings(db: DbOrTx, now: Date, limit = 20): PressReleaseMailing[] {
  return db
    .select()
    .from(pressReleaseMailings)
    .where(and(isNull(pressReleaseMailings.mailedAt), lte(pressReleaseMailings.dueAt, now)))
    .orderBy(asc(pressReleaseMailings.dueAt))
    .limit(limit)
    .all();
}

/** Marks a mailing sent; false when another process got there first (then nothing more is sent). */
export function markMailingSent(tx: DbOrTx, releaseId: number, at: Date, recipients: number): boolean {
  return (
    tx
      .update(pressReleaseMailings)
      .set({ mailedAt: at, recipients })
      .where(and(eq(pressReleaseMailings.releaseId, releaseId), isNull(pressReleaseMailings.mailedAt)))
      .run().changes === 1
  );
}

export function getReleaseMailing(db: DbOrTx, releaseId: number): PressReleaseMailing | null {
  return db.select().from(pressReleaseMailings).where(eq(pressReleaseMailings.releaseId, releaseId)).get() ?? null;
}

