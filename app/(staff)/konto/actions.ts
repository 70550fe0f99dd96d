"use server";

import { getDb } from "@/db";
import { authAction, fail } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { getCurrentSession } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/users";
import { changePasswordSchema } from "@/lib/users/schema";

/** Changes the signed-in user's own password; their other sessions end, this one stays (lib/users/password.ts). */
export const changePasswordAction = authAction({ permission: "account:self", schema: changePasswordSchema }, async (input, user) => {
  const session = await getCurrentSession();
  if (!session) return fail("Du är inte inloggad.", undefined, "unauthenticated");
  const result = await changeOwnPassword(getDb(), user.id, session.sessionId, input, auditActorOf(user));
  return { ok: true, data: { otherSessionsEnded: result.otherSessionsEnded } };
});
