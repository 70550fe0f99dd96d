"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { saveNewApplication } from "@/lib/applications/register";
import { registerApplicationSchema, updateApplicationSchema } from "@/lib/applications/schema";
import { updateApplication } from "@/lib/applications/update";
import { auditActorOf } from "@/lib/audit";

// Each lib function owns its write transaction (BEGIN IMMEDIATE); the actions only parse, call and revalidate.

export const registerApplicationAction = authAction(
  { permission: "application:write", schema: registerApplicationSchema },
  (input, user) => {
    const application = saveNewApplication(getDb(), input, auditActorOf(user));
    revalidatePath(`/omgangar/${input.roundId}`);
    return { ok: true, data: { id: application.id, registrationNumber: application.registrationNumber } };
  },
);

export const updateApplicationAction = authAction(
  { permission: "application:write", schema: updateApplicationSchema },
  (input, user) => {
    const application = updateApplication(getDb(), input, auditActorOf(user));
    revalidatePath(`/ansokningar/${application.id}`);
    revalidatePath(`/omgangar/${application.roundId}`);
    return { ok: true, data: { id: application.id, registrationNumber: application.registrationNumber } };
  },
);
