"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction, type ActionResult } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { updateOrganisationSchema, type UpdateOrganisationInput } from "@/lib/organisations/schema";
import { updateOrganisation } from "@/lib/organisations/update";

const update = authAction({ permission: "organisation:manage", schema: updateOrganisationSchema }, (input, user) => {
  const organisation = updateOrganisation(getDb(), input, auditActorOf(user));
  // The name shows on every page that names the organisation's applications.
  revalidatePath("/", "layout");
  return { ok: true, data: { id: organisation.id } };
});

export async function updateOrganisationAction(input: UpdateOrganisationInput): Promise<ActionResult<{ id: number }>> {
  return update(input);
}
