"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction, type ActionResult } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { setRoundStatus, updateRound } from "@/lib/rounds";
import { setRoundStatusSchema, updateRoundSchema, type SetRoundStatusInput, type UpdateRoundInput } from "@/lib/rounds/schema";

type Saved = { id: number; version: number };

const update = authAction({ permission: "round:manage", schema: updateRoundSchema }, (input, user) => {
  const round = updateRound(getDb(), input, auditActorOf(user));
  revalidateRound(round.id);
  return { ok: true, data: { id: round.id, version: round.version } };
});

const changeStatus = authAction({ permission: "round:manage", schema: setRoundStatusSchema }, (input, user) => {
  const round = setRoundStatus(getDb(), input, auditActorOf(user));
  revalidateRound(round.id);
  return { ok: true, data: { id: round.id, version: round.version } };
});

export async function updateRoundAction(input: UpdateRoundInput): Promise<ActionResult<Saved>> {
  return update(input);
}

export async function setRoundStatusAction(input: SetRoundStatusInput): Promise<ActionResult<Saved>> {
  return changeStatus(input);
}

function revalidateRound(roundId: number): void {
  revalidatePath("/");
  revalidatePath(`/omgangar/${roundId}`);
  revalidatePath(`/omgangar/${roundId}/redigera`);
}
