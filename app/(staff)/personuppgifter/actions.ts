"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { erasePersonalData } from "@/lib/personal-data/erase";
import { erasePersonalDataSchema } from "@/lib/personal-data/schema";

export const erasePersonalDataAction = authAction({ permission: "personal-data:manage", schema: erasePersonalDataSchema }, (input, user) => {
  const result = erasePersonalData(getDb(), input, auditActorOf(user));
  // Names and contacts show on application pages, lists and the header of a signed-in user.
  revalidatePath("/", "layout");
  return {
    ok: true,
    data: { users: result.userIds.length, contacts: result.applicationIds.length, events: result.auditEventIds.length },
  };
});
