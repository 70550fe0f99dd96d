"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { updateOrganisationSchema } from "@/lib/organisations/schema";
import { updateOrganisation } from "@/lib/organisations/update";

export const updateOrganisationAction = authAction({ permission: "organisation:manage", schema: updateOrganisationSchema }, (input, user) => {
  const organisation = updateOrganisation(getDb(), input, auditActorOf(user));
  // The name shows on every page that names the organisation's applications.
  revalidatePath("/", "layout");
  return { ok: true, data: { id: organisation.id } };
});
