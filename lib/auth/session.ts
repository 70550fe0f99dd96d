import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { auth } from "./auth";
import { liveSession, type LiveSession, type SessionUser } from "./sessions";
import { SESSION_ENDED_PARAM } from "./sign-in-params";
import { anyPermission, type Permission } from "./permissions";

export { anyPermission };

export type { LiveSession, SessionUser };

/**
 * The signed-in user as the database knows them now (not as the cookie remembers them), when the cookie's session is
 * still alive on the server (lib/auth/sessions.ts): a signed-out session, an ended one (password changed, account
 * disabled, role changed) or one past its 8 hours is no user. Cached per request.
 */
export const getCurrentSession = cache(async (): Promise<LiveSession | null> => {
  const session = await auth();
  return liveSession(getDb(), { userId: session?.user?.id, sessionId: session?.sessionId });
});

export async function getCurrentUser(): Promise<SessionUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

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
