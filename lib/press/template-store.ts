import type { Db } from "@/db/client";
import {
  getPressTemplate,
  getPressTemplateVersion,
  savePressTemplate,
  type PressTemplate,
} from "@/db/queries/press-templates";
import { inWriteTransaction } from "@/db/transaction";
import type { AuditActor } from "@/lib/audit";
import { DomainError } from "@/lib/errors";
import { invalidInput } from "@/lib/validation/errors";
import type { z } from "zod";
import { PRESS_VARIABLES } from "./context";
import type { TemplateError } from "./errors";
import { restoreTemplateSchema, saveTemplateSchema, type SaveTemplateInput } from "./template-schema";
import { validateTemplate } from "./validate";

/*
 * The rules of saving a press template. A source is checked before anything is written: it must parse with the
 * render worker's configuration and name only variables the press context has (validate.ts); a refusal names the
 * line, the column and the nearest known name ("Menade du round.approved?"), at the source field, and nothing is
 * saved. A template that parses but loops for ever or writes megabytes is saved: whether it does cannot be told
 * without running it, and every render is bounded (render.ts), so the preview and the release generation say so
 * instead. Saves are against the version the writer loaded (optimistic locking): the second of two writers is refused.
 */

export const TEMPLATE_CONFLICT_MESSAGE =
  "Någon annan har sparat mallen medan du arbetade med den. Ladda om sidan för att se den nya versionen och gör om dina ändringar.";
export const TEMPLATE_NOT_FOUND_MESSAGE = "Mallen finns inte.";
export const TEMPLATE_VERSION_NOT_FOUND_MESSAGE = "Versionen finns inte.";

const KNOWN_VARIABLES = PRESS_VARIABLES.map((v) => v.path);

/** The template's problems, first one first; an empty list when it may be saved. */
export function templateProblems(source: string): TemplateError[] {
  const result = validateTemplate(source, KNOWN_VARIABLES);
  return result.ok ? [] : result.errors;
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

function refuseInvalid(errors: readonly TemplateError[]): never {
  const messages = errors.map((e) => e.message);
  throw new DomainError(messages[0] ?? "Kontrollera mallen.", { source: messages }, "invalid", {
    errors: errors.map((e) => ({ ...e })),
  });
}

function conflict(currentVersion: number): DomainError {
  return new DomainError(TEMPLATE_CONFLICT_MESSAGE, undefined, "conflict", { currentVersion });
}

function loadTemplate(db: Db, id: number): PressTemplate {
  const template = getPressTemplate(db, id);
  if (!template) throw new DomainError(TEMPLATE_NOT_FOUND_MESSAGE, undefined, "not_found");
  return template;
}

/**
 * Saves the editor's name and source as the next version. Refused, with nothing written, when the source does not
 * parse or names an unknown variable (code "invalid", the messages at `source`), or when someone saved since the
 * writer loaded `version` (code "conflict").
 */
export function saveTemplate(db: Db, actor: AuditActor, input: SaveTemplateInput): PressTemplate {
  const { templateId, version, name, source } = parse(saveTemplateSchema, input);
  const problems = templateProblems(source);
  if (problems.length > 0) refuseInvalid(problems);
  return inWriteTransaction(db, (tx) => {
    const existing = getPressTemplate(tx, templateId);
    if (!existing) throw new DomainError(TEMPLATE_NOT_FOUND_MESSAGE, undefined, "not_found");
    const saved = savePressTemplate(tx, templateId, version, { name, source }, actor);
    if (!saved) throw conflict(existing.version);
    return saved;
  });
}

/**
 * Brings an earlier version back as a new version (its name and source; the history is kept, nothing is deleted),
 * with the audit event "template.restore". `restore` is the version to bring back, `expectedVersion` the one loaded. Refused as a save is: a stale `version`, or a source that no longer
 * passes the check (a variable the context has since lost).
 */
export function restoreTemplateVersion(db: Db, actor: AuditActor, id: number, restore: number, expectedVersion: number): PressTemplate {
  const { templateId, version, restoreVersion } = parse(restoreTemplateSchema, { templateId: id, version: expectedVersion, restoreVersion: restore });
  loadTemplate(db, templateId);
  const old = getPressTemplateVersion(db, templateId, restoreVersion);
  if (!old) throw new DomainError(TEMPLATE_VERSION_NOT_FOUND_MESSAGE, undefined, "not_found");
  const problems = templateProblems(old.source);
  if (problems.length > 0) refuseInvalid(problems);
  return inWriteTransaction(db, (tx) => {
    const existing = getPressTemplate(tx, templateId);
    if (!existing) throw new DomainError(TEMPLATE_NOT_FOUND_MESSAGE, undefined, "not_found");
    const saved = savePressTemplate(tx, templateId, version, { name: old.name, source: old.source }, actor, {
      action: "template.restore",
      restoredFrom: restoreVersion,
    });
    if (!saved) throw conflict(existing.version);
    return saved;
  });
}
