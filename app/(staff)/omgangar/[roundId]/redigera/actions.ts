"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { setRoundStatus, updateRound } from "@/lib/rounds";
import { setRoundStatusSchema, updateRoundSchema } from "@/lib/rounds/schema";

export const updateRoundAction = authAction({ permission: "round:manage", schema: updateRoundSchema }, (input, user) => {
  const round = updateRound(getDb(), input, auditActorOf(user));
  revalidateRound(round.id);
  return { ok: true, data: { id: round.id, version: round.version } };
});

export const setRoundStatusAction = authAction({ permission: "round:manage", schema: setRoundStatusSchema }, (input, user) => {
  const round = setRoundStatus(getDb(), input, auditActorOf(user));
  revalidateRound(round.id);
  return { ok: true, data: { id: round.id, version: round.version } };
});

function revalidateRound(roundId: number): void {
  revalidatePath("/");
  revalidatePath(`/omgangar/${roundId}`);
  revalidatePath(`/omgangar/${roundId}/redigera`);
}
