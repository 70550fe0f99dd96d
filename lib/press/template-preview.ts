import type { DbOrTx } from "@/db/client";
import { getPressTemplate } from "@/db/queries/press-templates";
import type { ApplicationScope } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors";
import { loadPressContext, type PressTarget } from "./context";
import type { TemplateError } from "./errors";
import { renderTemplate } from "./render";
import { previewTemplateSchema, type PreviewTemplateInput } from "./template-schema";
import { TEMPLATE_NOT_FOUND_MESSAGE, templateProblems } from "./template-store";

/*
 * The editor's live preview: the unsaved source filled in with real data of a chosen scope, bounded like every
 * render (the worker's hard timeout and output cap, render.ts). It first makes the check a save makes, so the
 * writer sees an unknown variable with its line and column while typing, not only on save.
 */

export type PreviewResult = { ok: true; text: string } | { ok: false; errors: TemplateError[] };

export const PREVIEW_NO_DATA_MESSAGE =
  "Det finns inga beviljade ansökningar att fylla i mallen med för det valet. Välj en annan omgång, ett annat län eller en annan mottagare.";
export const PREVIEW_CHOOSE_COUNTY_MESSAGE = "Välj ett län.";
export const PREVIEW_CHOOSE_RECIPIENT_MESSAGE = "Välj en mottagare.";

// liquidjs's outputEscape ("escape") writes these five; the preview shows text, so they are read back as characters.
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&#34;": '"', "&#39;": "'" };

/**
 * The text as a reader sees it. The render escapes every value for HTML (an organisation's name never becomes
 * markup); the editor shows the result as text (React escapes all of it again, the template's own words included),
 * so the escaped values are turned back into the characters they stand for, in one pass.
 */
export function previewText(html: string): string {
  return html.replace(/&(?:amp|lt|gt|#34|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

export async function previewTemplate(db: DbOrTx, scope: ApplicationScope, input: PreviewTemplateInput): Promise<PreviewResult> {
  const parsed = previewTemplateSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0]?.message ?? TEMPLATE_NOT_FOUND_MESSAGE);
  const { templateId, source, roundId, countyCode, applicationId } = parsed.data;
  const template = getPressTemplate(db, templateId);
  if (!template) throw new DomainError(TEMPLATE_NOT_FOUND_MESSAGE, undefined, "not_found");

  const problems = templateProblems(source);
  if (problems.length > 0) return { ok: false, errors: problems };

  let target: PressTarget;
  if (template.targetKind === "county") {
    if (!countyCode) return failure(PREVIEW_CHOOSE_COUNTY_MESSAGE);
    target = { kind: "county", roundId, countyCode };
  } else if (template.targetKind === "recipient") {
    if (applicationId === "") return failure(PREVIEW_CHOOSE_RECIPIENT_MESSAGE);
    target = { kind: "recipient", applicationId };
  } else {
    target = { kind: "round", roundId };
  }
  const context = loadPressContext(db, target, scope);
  if (!context) return failure(PREVIEW_NO_DATA_MESSAGE);

  const result = await renderTemplate(source, context, { escape: "html" });
  return result.ok ? { ok: true, text: previewText(result.text) } : { ok: false, errors: [result.error] };
}

function failure(message: string): PreviewResult {
  return { ok: false, errors: [{ kind: "render", message }] };
}
