import type { Role } from "@/lib/enums";

/*
 * The one permission table (role x action) and the scope rule. Pages, server actions and route handlers all ask
 * here, through requireUser() in lib/auth/session.ts; the UI uses hasPermission() only to hide what a user cannot do.
 */

export const PERMISSIONS = [
  "user:manage",
  "organisation:manage",
  // Merging an organisation entered twice into the one kept (admins only: it deletes an organisation).
  "organisation:merge",
  // Finding, exporting and erasing what is stored about a person (GDPR), admins only.
  "personal-data:manage",
  "round:manage",
  "application:write",
  "application:read:any",
  "application:read:own-organisation",
  "application:contact:own-organisation",
  "decision:write",
  "statistics:read",
  "audit:read",
  "audit:read:all",
  "press:write",
  "press:review",
  "press:export",
  "press:publish",
  "template:write",
  // Every signed-in user: their own page (/konto), their own password.
  "account:self",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    "user:manage",
    "organisation:manage",
    "organisation:merge",
    "personal-data:manage",
    "round:manage",
    "application:write",
    "application:read:any",
    "decision:write",
    "statistics:read",
    "audit:read",
    "audit:read:all",
    "press:write",
    "press:review",
    "press:export",
    "press:publish",
    "template:write",
    "account:self",
  ],
  officer: [
    "organisation:manage",
    "round:manage",
    "application:write",
    "application:read:any",
    "decision:write",
    "statistics:read",
    "audit:read",
    "press:review",
    "account:self",
  ],
  communications: [
    "application:read:any",
    "statistics:read",
    "press:write",
    "press:review",
    "press:export",
    "press:publish",
    "template:write",
    "account:self",
  ],
  // A coordinator reads their organisation's applications and may change only their contact person (officers edit
  // the whole application through application:write).
  coordinator: ["application:read:own-organisation", "application:contact:own-organisation", "account:self"],
};

/** Who is asking: what every permission and scope decision needs, and nothing from the session cookie itself. */
export type Actor = {
  id: number;
  name: string;
  role: Role;
  organisationId: number | null;
};

export function hasPermission(actor: Pick<Actor, "role"> | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** Holds at least one of the permissions. */
export function anyPermission(actor: Pick<Actor, "role"> | null | undefined, permission: Permission | readonly Permission[]): boolean {
  const wanted: readonly Permission[] = typeof permission === "string" ? [permission] : permission;
  return wanted.some((p) => hasPermission(actor, p));
}

/** Which applications (and their decisions) an actor may read. */
export type ApplicationScope = { kind: "all" } | { kind: "organisation"; organisationId: number } | { kind: "none" };

export function applicationScope(actor: Actor | null | undefined): ApplicationScope {
  if (!actor) return { kind: "none" };
  if (hasPermission(actor, "application:read:any")) return { kind: "all" };
  if (hasPermission(actor, "application:read:own-organisation") && actor.organisationId !== null) {
    return { kind: "organisation", organisationId: actor.organisationId };
  }
  return { kind: "none" };
}

/**
 * May this actor read an application whose lead organisation and co-applicants are given? A coordinator sees the
 * applications their organisation leads or takes part in, never another organisation's.
 */
export function canReadApplication(
  actor: Actor | null | undefined,
  application: { leadOrganisationId: number; coApplicantIds?: readonly number[] },
): boolean {
  const scope = applicationScope(actor);
  switch (scope.kind) {
    case "all":
      return true;
    case "organisation":
      return (
        application.leadOrganisationId === scope.organisationId ||
        (application.coApplicantIds ?? []).includes(scope.organisationId)
      );
    case "none":
      return false;
  }
}

/** Can read some applications at all (any scope but none). */
export function canReadApplications(actor: Actor | null | undefined): boolean {
  return applicationScope(actor).kind !== "none";
}
