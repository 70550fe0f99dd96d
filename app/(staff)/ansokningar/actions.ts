"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { registerApplication } from "@/lib/applications/register";
import { registerApplicationSchema, updateApplicationSchema } from "@/lib/applications/schema";
import { updateApplication } from "@/lib/applications/update";
import { auditActorOf } from "@/lib/audit";

export const registerApplicationAction = authAction(
  { permission: "application:write", schema: registerApplicationSchema },
  (input, user) => {
    const application = getDb().transaction((tx) => registerApplication(tx, input.roundId, input, auditActorOf(user)));
    revalidatePath(`/omgangar/${input.roundId}`);
    return { ok: true, data: { id: application.id, registrationNumber: application.registrationNumber } };
  },
);

export const updateApplicationAction = authAction(
  { permission: "application:write", schema: updateApplicationSchema },
  (input, user) => {
    const application = getDb().transaction((tx) => updateApplication(tx, input, auditActorOf(user)));
    revalidatePath(`/ansokningar/${application.id}`);
    revalidatePath(`/omgangar/${application.roundId}`);
    return { ok: true, data: { id: application.id } };
  },
);
