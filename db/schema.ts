import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  APPLICATION_STATUSES,
  DECISION_OUTCOMES,
  ORGANISATION_KINDS,
  PASSWORD_TOKEN_PURPOSES,
  PRESS_TARGET_KINDS,
  RELEASE_STATUSES,
  ROLES,
  ROUND_STATUSES,
} from "../lib/enums";

export * from "../lib/enums";

/*
 * The whole domain in one file (see ../shared/design/ARCHITECTURE.md).
 *
 * Conventions:
 * - Money is integer kronor (`*_amount`, `budget`, `allocation`).
 * - Instants are integer unix timestamps (`mode: "timestamp"`); calendar dates (a round's closing day, a decision
 *   date) are ISO `YYYY-MM-DD` text, because they are days, not moments, and must not shift with time zones.
 * - `sort_name` columns hold a Swedish collation key (lib/format/sort.ts) so that ORDER BY sorts å, ä, ö after z
 *   in SQL, with an index, without a custom collation (better-sqlite3 cannot register one).
 */

const createdAt = () =>
  integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`);

// ---------------------------------------------------------------- reference data

export const counties = sqliteTable(
  "counties",
  {
    code: text("code").primaryKey(), // SCB länskod, "24"
    name: text("name").notNull(), // "Västerbottens län"
    shortName: text("short_name").notNull(), // "Västerbotten"
    sortName: text("sort_name").notNull(),
  },
  (t) => [index("counties_sort_name_idx").on(t.sortName)],
);

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: text("code").primaryKey(), // SCB kommunkod, "2480"
    name: text("name").notNull(), // "Umeå kommun"
    shortName: text("short_name").notNull(), // "Umeå"
    countyCode: text("county_code")
      .notNull()
      .references(() => counties.code),
    sortName: text("sort_name").notNull(),
  },
  (t) => [
    index("municipalities_county_idx").on(t.countyCode),
    index("municipalities_sort_name_idx").on(t.sortName),
  ],
);

// ---------------------------------------------------------------- organisations and users


export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(), // as printed: "Borås Stad"
    // name lower-cased in JavaScript (SQLite's lower() folds only A-Z, so it cannot match "Östsam" to "östsam")
    nameKey: text("name_key").notNull(),
    shortName: text("short_name").notNull(), // "Borås"
    kind: text("kind", { enum: ORGANISATION_KINDS }).notNull(),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    countyCode: text("county_code").references(() => counties.code),
    sortName: text("sort_name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organisations_name_key_unique").on(t.nameKey),
    index("organisations_sort_name_idx").on(t.sortName),
    index("organisations_county_idx").on(t.countyCode),
    index("organisations_kind_idx").on(t.kind),
    index("organisations_municipality_idx").on(t.municipalityCode),
  ],
);


export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // stored lower-cased
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    organisationId: integer("organisation_id").references(() => organisations.id),
    // The officer's direct line, printed in the decision letters they sign; optional.
    phone: text("phone"),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    sortName: text("sort_name").notNull(),
    lastSignedInAt: integer("last_signed_in_at", { mode: "timestamp" }),
    // The sign-in before the last one: what the user's own page (/konto) shows, since the last is the current one.
    previousSignedInAt: integer("previous_signed_in_at", { mode: "timestamp" }),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp" }),
    // Optimistic locking for /anvandare: every change through updateUser moves it on.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_organisation_idx").on(t.organisationId),
    index("users_sort_name_idx").on(t.sortName),
    // The user list's filters (/anvandare): role and disabled, each read in Swedish name order.
    index("users_role_sort_idx").on(t.role, t.sortName),
    index("users_disabled_sort_idx").on(t.disabled, t.sortName),
    // A coordinator always belongs to exactly one organisation; the other roles to none.
    check(
      "users_coordinator_has_organisation",
      sql`(${t.role} = 'coordinator') = (${t.organisationId} IS NOT NULL)`,
    ),
  ],
);

/**
 * One row per signed-in session, keyed by the random id the session cookie (a JWT) carries. Every request looks its
 * session up here (lib/auth/session.ts): a session whose row is gone (signed out, the password changed, the account
 * disabled or its role changed) or past `expires_at` (8 hours after sign-in, never extended) is signed out.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Failed sign-ins per key ("email:…" or "ip:…"), for slowing down and locking out password guessing. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp" }),
});

/*
 * Single-use links to set a password: an invitation (a new account, 7 days) or a reset (forgot password or an admin's
 * new link, 1 hour). Only the SHA-256 of the random token is stored; the token itself is in the link alone. A link
 * works while it is unused, unrevoked and unexpired; a newer link for the same user revokes the older ones.
 */
export const passwordTokens = sqliteTable(
  "password_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: PASSWORD_TOKEN_PURPOSES }).notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("password_tokens_hash_unique").on(t.tokenHash), index("password_tokens_user_idx").on(t.userId)],
);

/*
 * Mail waits here until it is delivered (lib/mail/). A writer enqueues a message inside its own write transaction,
 * so a mail exists exactly when the change committed; the delivery loop claims due rows (moving next_attempt_at on
 * past its send), sends them over SMTP and marks them sent, or puts them back with a later next_attempt_at.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    // Extra headers as a JSON object ({"List-Unsubscribe": "<https://…>"}).
    headers: text("headers", { mode: "json" }).$type<Record<string, string>>(),
    kind: text("kind").notNull(), // "invitation", "reset", later "newsroom.confirm", "newsroom.release"
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  // "Due and unsent": only unsent rows are in the index, in the order they fall due.
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL`),
    // The mail to one address: what a person's data export lists, and their erasure removes.
    index("mail_outbox_to_idx").on(t.to),
  ],
);

// ---------------------------------------------------------------- programmes and rounds

export const programmes = sqliteTable(
  "programmes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(), // "Program för Hållbar jämställdhet"
    // The name on staff pages in English ("Programme for Sustainable Gender Equality"); null shows the Swedish name.
    nameEn: text("name_en"),
    code: text("code").notNull(), // prefix of registration numbers: "HJ"
    funder: text("funder").notNull(), // "regeringen"
    allocation: integer("allocation").notNull(), // kronor
    // Granted in rounds run before the programme came into Anslag (kronor): part of "totalt har … fördelats".
    grantedBefore: integer("granted_before").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("programmes_name_unique").on(t.name),
    uniqueIndex("programmes_code_unique").on(t.code),
    check("programmes_allocation_nonnegative", sql`${t.allocation} >= 0`),
    check("programmes_granted_before_nonnegative", sql`${t.grantedBefore} >= 0`),
  ],
);


export const rounds = sqliteTable(
  "rounds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    ordinal: integer("ordinal").notNull(), // 5 -> "femte"
    year: integer("year").notNull(), // used in registration numbers
    budget: integer("budget").notNull(), // kronor
    opensOn: text("opens_on"), // YYYY-MM-DD
    closesOn: text("closes_on"),
    decisionOn: text("decision_on"),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("planned"),
    criteria: text("criteria").notNull().default(""),
    isLast: integer("is_last", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("rounds_programme_ordinal_unique").on(t.programmeId, t.ordinal),
    check("rounds_budget_nonnegative", sql`${t.budget} >= 0`),
    check("rounds_ordinal_positive", sql`${t.ordinal} > 0`),
  ],
);

// ---------------------------------------------------------------- applications and decisions


/** Last registration number handed out per programme and year; numbers are never reused. */
export const registrationSequences = sqliteTable(
  "registration_sequences",
  {
    programmeId: integer("programme_id")
      .notNull()
      .references(() => programmes.id),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.year] })],
);

export const applications = sqliteTable(
  "applications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    registrationNumber: text("registration_number").notNull(), // "HJ-2013-0042"
    leadOrganisationId: integer("lead_organisation_id")
      .notNull()
      .references(() => organisations.id),
    projectTitle: text("project_title").notNull(),
    description: text("description").notNull().default(""),
    focusAreas: text("focus_areas", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    requestedAmount: integer("requested_amount").notNull(),
    contactName: text("contact_name").notNull().default(""),
    contactTitle: text("contact_title").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    // Mirrors the decision (received until one is recorded) so lists filter on an indexed column.
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("received"),
    version: integer("version").notNull().default(1), // optimistic locking
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("applications_registration_number_unique").on(t.registrationNumber),
    index("applications_round_status_idx").on(t.roundId, t.status),
    index("applications_round_registration_idx").on(t.roundId, t.registrationNumber),
    index("applications_lead_organisation_idx").on(t.leadOrganisationId, t.roundId),
    index("applications_round_requested_idx").on(t.roundId, t.requestedAmount),
    index("applications_round_title_idx").on(t.roundId, sql`${t.projectTitle} COLLATE NOCASE`),
    check("applications_requested_nonnegative", sql`${t.requestedAmount} >= 0`),
  ],
);

/** Further organisations of a joint application ("Regionförbundet Östsam och Linköpings kommun"). */
export const applicationCoApplicants = sqliteTable(
  "application_co_applicants",
  {
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id),
    position: integer("position").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.organisationId] }),
    index("co_applicants_organisation_idx").on(t.organisationId),
  ],
);


export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    // Denormalised from the application so the budget sum of a round is one indexed aggregate.
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    outcome: text("outcome", { enum: DECISION_OUTCOMES }).notNull(),
    grantedAmount: integer("granted_amount").notNull().default(0),
    motivation: text("motivation").notNull().default(""),
    decidedOn: text("decided_on").notNull(), // YYYY-MM-DD
    decidedBy: integer("decided_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("decisions_application_unique").on(t.applicationId),
    index("decisions_round_outcome_idx").on(t.roundId, t.outcome, t.grantedAmount),
    check("decisions_granted_nonnegative", sql`${t.grantedAmount} >= 0`),
    check(
      "decisions_rejected_grants_nothing",
      sql`${t.outcome} = 'approved' OR ${t.grantedAmount} = 0`,
    ),
  ],
);

/*
 * What an organisation has in each round, for the coordinator's portal (issue 14): the applications it takes part in
 * (as lead or co-applicant, each counted once), how many were approved, and what was granted to those it leads and to
 * the joint ones it co-applies to. Kept by triggers (migration 0009) inside every writer's own transaction: an
 * application registered, imported, moved to another round or lead; a co-applicant added, moved or removed; a
 * decision made, changed or withdrawn; so the portal reads an organisation's figures, and pages its applications by
 * round, without reading every one of them. A row with no applications left is removed.
 */
export const portalRoundTotals = sqliteTable(
  "portal_round_totals",
  {
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    applications: integer("applications").notNull(),
    approved: integer("approved").notNull(),
    grantedAsLead: integer("granted_as_lead").notNull(), // kronor
    grantedAsCoApplicant: integer("granted_as_co_applicant").notNull(), // kronor: the whole grant of joint applications
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.roundId] })],
);

// ---------------------------------------------------------------- audit trail

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: integer("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(), // name at the time, or "cli", "seed"
    action: text("action").notNull(), // "application.create", "decision.update"
    entityType: text("entity_type").notNull(), // "application", "decision", "round", …
    entityId: integer("entity_id").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
  ],
);

// ---------------------------------------------------------------- press releases

/*
 * A press template is Liquid source (lib/press/), edited in the browser. The three shipped ones (keys round, county,
 * recipient) are installed by migration 0004. Every save keeps a version; `version` is also the optimistic lock.
 */
export const pressTemplates = sqliteTable(
  "press_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    targetKind: text("target_kind", { enum: PRESS_TARGET_KINDS }).notNull(),
    source: text("source").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("press_templates_key_unique").on(t.key)],
);

export const pressTemplateVersions = sqliteTable(
  "press_template_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    templateId: integer("template_id")
      .notNull()
      .references(() => pressTemplates.id),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    source: text("source").notNull(),
    savedBy: integer("saved_by").references(() => users.id),
    savedByLabel: text("saved_by_label").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("press_template_versions_unique").on(t.templateId, t.version)],
);

/** One quote in a release: who said it, and after which paragraph of the body it stands (0 = before the first). */
export type ReleaseQuote = { text: string; speaker: string; title: string; afterParagraph: number };

/** What a release was generated from: the template's context (lib/press/context.ts), and its hash. */
export type ReleaseFacts = Record<string, unknown>;

/*
 * A press release about a target (a round; a county in a round; one application's grant). It remembers the facts it
 * was made from (`facts`, `factsHash`); when a decision changes those facts the release gets `staleAt` and cannot be
 * published until it is regenerated or the change is accepted. `publishAt` is the moment the release is public from:
 * set when it is published (now), scheduled or embargoed (a later time). A release is public when its status is
 * published, scheduled or embargoed and `publishAt` has passed (publicReleaseWhere in db/queries/press-releases.ts);
 * `publishedAt` is when its status became published. Every save keeps a version (press_release_versions).
 */
export const pressReleases = sqliteTable(
  "press_releases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    templateId: integer("template_id").references(() => pressTemplates.id),
    targetKind: text("target_kind", { enum: PRESS_TARGET_KINDS }).notNull(),
    roundId: integer("round_id")
      .notNull()
      .references(() => rounds.id),
    countyCode: text("county_code").references(() => counties.code),
    applicationId: integer("application_id").references(() => applications.id),
    status: text("status", { enum: RELEASE_STATUSES }).notNull().default("draft"),
    headline: text("headline").notNull(),
    ingress: text("ingress").notNull().default(""),
    body: text("body").notNull().default(""), // paragraphs separated by a blank line
    quotes: text("quotes", { mode: "json" }).$type<ReleaseQuote[]>().notNull().default(sql`'[]'`),
    contacts: text("contacts").notNull().default(""), // one contact per line
    boilerplate: text("boilerplate").notNull().default(""),
    regionCode: text("region_code").references(() => counties.code), // null: the whole country
    facts: text("facts", { mode: "json" }).$type<ReleaseFacts>().notNull(),
    factsHash: text("facts_hash").notNull(),
    staleAt: integer("stale_at", { mode: "timestamp_ms" }),
    publishAt: integer("publish_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("press_releases_slug_unique").on(t.slug),
    index("press_releases_status_publish_idx").on(t.status, t.publishAt),
    index("press_releases_publish_idx").on(t.publishAt),
    index("press_releases_region_idx").on(t.regionCode, t.publishAt),
    index("press_releases_round_idx").on(t.roundId, t.status),
    index("press_releases_updated_idx").on(t.updatedAt),
  ],
);

/** A release's topics, one row each, so the newsroom filters by topic through an index. */
export const pressReleaseTopics = sqliteTable(
  "press_release_topics",
  {
    releaseId: integer("release_id")
      .notNull()
      .references(() => pressReleases.id),
    topic: text("topic").notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.topic] }), index("press_release_topics_topic_idx").on(t.topic, t.releaseId)],
);

export type ReleaseSnapshot = {
  headline: string;
  ingress: string;
  body: string;
  quotes: ReleaseQuote[];
  contacts: string;
  boilerplate: string;
  topics: string[];
  regionCode: string | null;
};

export const pressReleaseVersions = sqliteTable(
  "press_release_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    releaseId: integer("release_id")
      .notNull()
      .references(() => pressReleases.id),
    version: integer("version").notNull(),
    content: text("content", { mode: "json" }).$type<ReleaseSnapshot>().notNull(),
    savedBy: integer("saved_by").references(() => users.id),
    savedByLabel: text("saved_by_label").notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("press_release_versions_unique").on(t.releaseId, t.version)],
);

export const pressComments = sqliteTable(
  "press_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    releaseId: integer("release_id")
      .notNull()
      .references(() => pressReleases.id),
    authorId: integer("author_id").references(() => users.id),
    authorLabel: text("author_label").notNull(),
    body: text("body").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("press_comments_release_idx").on(t.releaseId, t.createdAt)],
);

/*
 * A private preview link for a reviewer without an account. Only the SHA-256 of the token is stored: the token itself
 * is shown once. A link answers while it is neither expired, revoked, nor its release published.
 */
export const pressPreviewLinks = sqliteTable(
  "press_preview_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    releaseId: integer("release_id")
      .notNull()
      .references(() => pressReleases.id),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("press_preview_links_token_unique").on(t.tokenHash), index("press_preview_links_release_idx").on(t.releaseId)],
);

/*
 * A newsroom subscription: an email address and what it wants (a topic, a county, or both; null is "all"), and
 * nothing else about the person. It counts once confirmed (double opt-in: the confirmation link's token is stored as
 * its SHA-256 only, and is gone once used). `unsubscribe_token` is in every mail it gets, for one-click
 * unsubscribing; it is stored as it is, since every new mail must carry it. `filter_key` ("utbildning|24", "*|*")
 * makes one address subscribe once per choice.
 */
export const newsroomSubscriptions = sqliteTable(
  "newsroom_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(), // lower-cased
    topic: text("topic"),
    countyCode: text("county_code").references(() => counties.code),
    filterKey: text("filter_key").notNull(),
    locale: text("locale", { enum: ["sv", "en"] }).notNull().default("sv"),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: integer("confirm_expires_at", { mode: "timestamp_ms" }),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    unsubscribeToken: text("unsubscribe_token").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("newsroom_subscriptions_email_filter_unique").on(t.email, t.filterKey),
    uniqueIndex("newsroom_subscriptions_confirm_unique").on(t.confirmTokenHash),
    uniqueIndex("newsroom_subscriptions_unsubscribe_unique").on(t.unsubscribeToken),
    // A release's recipients: the confirmed subscriptions of its topics and county, and of "all".
    index("newsroom_subscriptions_match_idx").on(t.topic, t.countyCode).where(sql`${t.confirmedAt} IS NOT NULL`),
    // Unconfirmed subscriptions are removed when their link has expired.
    index("newsroom_subscriptions_unconfirmed_idx").on(t.confirmExpiresAt).where(sql`${t.confirmedAt} IS NULL`),
  ],
);

/*
 * A release's mailing to the newsroom's subscribers: planned when a step makes it public (now or at its time), sent
 * once when it is public, never again (not on later edits, not when it is unpublished and published again).
 */
export const pressReleaseMailings = sqliteTable(
  "press_release_mailings",
  {
    releaseId: integer("release_id")
      .primaryKey()
      .references(() => pressReleases.id),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    mailedAt: integer("mailed_at", { mode: "timestamp_ms" }),
    recipients: integer("recipients"),
  },
  (t) => [index("press_release_mailings_due_idx").on(t.dueAt).where(sql`${t.mailedAt} IS NULL`)],
);

// ---------------------------------------------------------------- relations

export const countiesRelations = relations(counties, ({ many }) => ({
  municipalities: many(municipalities),
}));

export const municipalitiesRelations = relations(municipalities, ({ one }) => ({
  county: one(counties, { fields: [municipalities.countyCode], references: [counties.code] }),
}));

export const organisationsRelations = relations(organisations, ({ one, many }) => ({
  county: one(counties, { fields: [organisations.countyCode], references: [counties.code] }),
  municipality: one(municipalities, {
    fields: [organisations.municipalityCode],
    references: [municipalities.code],
  }),
  users: many(users),
  applications: many(applications),
}));

export const usersRelations = relations(users, ({ one }) => ({
  organisation: one(organisations, { fields: [users.organisationId], references: [organisations.id] }),
}));

export const programmesRelations = relations(programmes, ({ many }) => ({
  rounds: many(rounds),
}));

export const roundsRelations = relations(rounds, ({ one, many }) => ({
  programme: one(programmes, { fields: [rounds.programmeId], references: [programmes.id] }),
  applications: many(applications),
}));

export const applicationsRelations = relations(applications, ({ one, many }) => ({
  round: one(rounds, { fields: [applications.roundId], references: [rounds.id] }),
  leadOrganisation: one(organisations, {
    fields: [applications.leadOrganisationId],
    references: [organisations.id],
  }),
  coApplicants: many(applicationCoApplicants),
  decision: one(decisions, { fields: [applications.id], references: [decisions.applicationId] }),
}));

export const applicationCoApplicantsRelations = relations(applicationCoApplicants, ({ one }) => ({
  application: one(applications, {
    fields: [applicationCoApplicants.applicationId],
    references: [applications.id],
  }),
  organisation: one(organisations, {
    fields: [applicationCoApplicants.organisationId],
    references: [organisations.id],
  }),
}));

export const decisionsRelations = relations(decisions, ({ one }) => ({
  application: one(applications, { fields: [decisions.applicationId], references: [applications.id] }),
  decider: one(users, { fields: [decisions.decidedBy], references: [users.id] }),
}));

// ---------------------------------------------------------------- inferred types

export type County = typeof counties.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type PasswordToken = typeof passwordTokens.$inferSelect;
export type MailOutboxRow = typeof mailOutbox.$inferSelect;
export type NewsroomSubscription = typeof newsroomSubscriptions.$inferSelect;
export type PressReleaseMailing = typeof pressReleaseMailings.$inferSelect;
export type Programme = typeof programmes.$inferSelect;
export type NewProgramme = typeof programmes.$inferInsert;
export type Round = typeof rounds.$inferSelect;
export type NewRound = typeof rounds.$inferInsert;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type Decision = typeof decisions.$inferSelect;
export type PortalRoundTotalsRow = typeof portalRoundTotals.$inferSelect;
export type NewDecision = typeof decisions.$inferInsert;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type PressTemplate = typeof pressTemplates.$inferSelect;
export type PressTemplateVersion = typeof pressTemplateVersions.$inferSelect;
export type PressRelease = typeof pressReleases.$inferSelect;
export type NewPressRelease = typeof pressReleases.$inferInsert;
export type PressReleaseVersion = typeof pressReleaseVersions.$inferSelect;
export type PressComment = typeof pressComments.$inferSelect;
export type PressPreviewLink = typeof pressPreviewLinks.$inferSelect;
