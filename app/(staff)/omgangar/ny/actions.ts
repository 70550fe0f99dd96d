"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction, type ActionResult } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { createRound } from "@/lib/rounds";
import { roundFormSchema, type RoundFormInput } from "@/lib/rounds/schema";

const create = authAction({ permission: "round:manage", schema: roundFormSchema }, (input, user) => {
  const round = createRound(getDb(), input, auditActorOf(user));
  revalidatePath("/");
  return { ok: true, data: { id: round.id } };
});

export async function createRoundAction(input: RoundFormInput): Promise<ActionResult<{ id: number }>> {
  return create(input);
}
