/*
 * The domain's closed sets of values, in a file with no imports: client components (forms, filters) and db/schema.ts
 * both use them, and nothing of the database may reach the browser with them.
 */

export const ORGANISATION_KINDS = [
  "kommun",
  "region",
  "landsting",
  "regionforbund",
  "foretag",
  "samverkansorgan",
  "annan",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = ["admin", "officer", "communications", "coordinator"] as const;
export type Role = (typeof ROLES)[number];

/** What a link to set a password is for: a new account's first password, or a new one for a forgotten one. */
export const PASSWORD_TOKEN_PURPOSES = ["invitation", "reset"] as const;
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

export const ROUND_STATUSES = ["planned", "open", "closed", "decided"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const APPLICATION_STATUSES = ["received", "approved", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISION_OUTCOMES = ["approved", "rejected"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/*
 * A press release's life: communications write a draft, send it to review, a reviewer approves it, and it is then
 * published now, scheduled (public at a time, unseen before), or embargoed (shared by preview link before a time,
 * public after it). Scheduled and embargoed releases become published by themselves at their time.
 */
export const RELEASE_STATUSES = ["draft", "review", "approved", "scheduled", "embargoed", "published"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** What a press template and a release are about: a whole round, the recipients in one county, or one grant. */
export const PRESS_TARGET_KINDS = ["round", "county", "recipient"] as const;
export type PressTargetKind = (typeof PRESS_TARGET_KINDS)[number];

/** The topics journalists follow in the newsroom (labels in lib/i18n/messages/<locale>/press.json). */
export const PRESS_TOPICS = [
  "beviljade-medel",
  "jamstalldhetsintegrering",
  "medborgarservice",
  "vard-och-omsorg",
  "utbildning",
  "styrning-och-ledning",
] as const;
export type PressTopic = (typeof PRESS_TOPICS)[number];
