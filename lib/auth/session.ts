import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { getUserById } from "@/db/queries/users";
import { auth } from "./auth";
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
  if (!user) redirect("/logga-in");
  if (permission && !anyPermission(user, permission)) forbidden();
  return user;
}
