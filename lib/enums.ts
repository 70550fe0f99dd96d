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

export const ROUND_STATUSES = ["planned", "open", "closed", "decided"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const APPLICATION_STATUSES = ["received", "approved", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const DECISION_OUTCOMES = ["approved", "rejected"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
