"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { mergeOrganisations } from "@/lib/organisations/merge";
import { mergeOrganisationsSchema } from "@/lib/organisations/merge-schema";
import { updateOrganisationSchema } from "@/lib/organisations/schema";
import { updateOrganisation } from "@/lib/organisations/update";

export const updateOrganisationAction = authAction({ permission: "organisation:manage", schema: updateOrganisationSchema }, (input, user) => {
  const organisation = updateOrganisation(getDb(), input, auditActorOf(user));
  // The name shows on every page that names the organisation's applications.
  revalidatePath("/", "layout");
  return { ok: true, data: { id: organisation.id } };
});

export const mergeOrganisationsAction = authAction({ permission: "organisation:merge", schema: mergeOrganisationsSchema }, (input, user) => {
  const { kept } = mergeOrganisations(getDb(), input, auditActorOf(user));
  // Every page that names the duplicate's applications names the kept organisation now.
  revalidatePath("/", "layout");
  return { ok: true, data: { id: kept.id } };
});
