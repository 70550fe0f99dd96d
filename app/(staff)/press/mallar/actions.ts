"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { applicationScope } from "@/lib/auth/permissions";
import { previewTemplate } from "@/lib/press/template-preview";
import { previewTemplateSchema, restoreTemplateSchema, saveTemplateSchema } from "@/lib/press/template-schema";
import { restoreTemplateVersion, saveTemplate } from "@/lib/press/template-store";

/* The template editor's actions: save, restore an earlier version, and the live preview of the unsaved source. */

export const saveTemplateAction = authAction({ permission: "template:write", schema: saveTemplateSchema }, (input, user) => {
  const saved = saveTemplate(getDb(), auditActorOf(user), input);
  revalidateTemplate(saved.key);
  return { ok: true, data: { version: saved.version } };
});

export const restoreTemplateAction = authAction({ permission: "template:write", schema: restoreTemplateSchema }, (input, user) => {
  const saved = restoreTemplateVersion(getDb(), auditActorOf(user), input.templateId, input.restoreVersion, input.version);
  revalidateTemplate(saved.key);
  return { ok: true, data: { key: saved.key, version: saved.version } };
});

export const previewTemplateAction = authAction({ permission: "template:write", schema: previewTemplateSchema }, async (input, user) => {
  const result = await previewTemplate(getDb(), applicationScope(user), input);
  return { ok: true, data: result };
});

function revalidateTemplate(key: string): void {
  revalidatePath("/press/mallar");
  revalidatePath(`/press/mallar/${key}`);
}

