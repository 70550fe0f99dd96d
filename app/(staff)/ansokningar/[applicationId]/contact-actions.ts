"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import type { ContactSavedData } from "@/components/portal/contact-form";
import { authAction } from "@/lib/actions";
import { updateApplicationContact } from "@/lib/applications/contact";
import { updateContactSchema } from "@/lib/applications/contact-schema";
import { auditActorOf } from "@/lib/audit";
import { applicationScope } from "@/lib/auth/permissions";

/*
 * A coordinator changes the contact person of one of their organisation's applications. The application id is the
 * client's, so the write is made in the user's scope: another organisation's application is "not found", exactly
 * like one that does not exist, and nothing is written.
 */
export const updateContactAction = authAction({ permission: "application:contact:own-organisation", schema: updateContactSchema }, (input, user) => {
  const application = updateApplicationContact(getDb(), input, auditActorOf(user), applicationScope(user));
  revalidatePath(`/ansokningar/${application.id}`);
  return { ok: true, data: { version: application.version } satisfies ContactSavedData };
});
