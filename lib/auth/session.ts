import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { getUserById } from "@/db/queries/users";
import { auth } from "./auth";
import { SESSION_ENDED_PARAM } from "./sign-in-params";
import { anyPermission, type Actor, type Permission } from "./permissions";

export { anyPermission };

export type SessionUser = Actor & { email: string; organisationName: string | null };

/**
 * The signed-in user as the database knows them now (not as the cookie remembers them): a disabled account or a
 * changed role takes effect on the next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = getUserById(getDb(), id);
  if (!user || user.disabled) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
  };
});

/**
 * For pages: the signed-in user holding at least one of the permissions. Signed out goes to sign-in; signed in
 * without the permission gets 403.
 */
export async function requireUser(permission?: Permission | readonly Permission[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  // The proxy sends signed-out visitors to sign-in with the page to come back to; reaching here without a user means
  // the cookie names an account that is disabled or gone. The parameter keeps the proxy from sending them back.
  if (!user) redirect(`/logga-in?${SESSION_ENDED_PARAM}=1`);
  if (permission && !anyPermission(user, permission)) forbidden();
  return user;
}

/**
 * For generateMetadata: the signed-in user when they hold the permission the page requires, else null. Next renders
 * metadata beside the page, not after it, so a title read from the database must ask the same permission as the page
 * itself, or a visitor the page turns away would still read the round's name in the tab:
 *
 *   export async function generateMetadata({ params }) {
 *     if (!(await viewerWith("application:read:any"))) return {};
 *     ...
 */
export async function viewerWith(permission: Permission | readonly Permission[]): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  return user && anyPermission(user, permission) ? user : null;
}
