"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { createRound } from "@/lib/rounds";
import { roundFormSchema } from "@/lib/rounds/schema";

export const createRoundAction = authAction({ permission: "round:manage", schema: roundFormSchema }, (input, user) => {
  const round = createRound(getDb(), input, auditActorOf(user));
  revalidatePath("/");
  return { ok: true, data: { id: round.id } };
});
