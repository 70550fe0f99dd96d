"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { getRelease } from "@/db/queries/press-releases";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { revalidateNewsroom } from "@/lib/press/newsroom-cache";
import {
  acceptFactsSchema,
  commentSchema,
  generateReleaseSchema,
  previewLinkSchema,
  regenerateReleaseSchema,
  releaseStepSchema,
  revokePreviewLinkSchema,
  saveReleaseSchema,
} from "@/lib/press/release-schema";
import {
  acceptChangedFacts,
  addReleaseComment,
  createPreviewLink,
  generateRelease,
  regenerateRelease,
  revokeReleasePreviewLink,
  saveRelease,
  takeReleaseStep,
} from "@/lib/press/releases";
import { RELEASE_STEP_RULES } from "@/lib/press/workflow";
import type { PressTarget } from "@/lib/press/context";

// Each lib function owns its write transaction (BEGIN IMMEDIATE); the actions only parse, call and revalidate.

function revalidateRelease(id: number): void {
  revalidatePath("/press");
  revalidatePath(`/press/${id}`);
}

export const generateReleaseAction = authAction({ permission: "press:write", schema: generateReleaseSchema }, async (input, user) => {
  const target: PressTarget =
    input.targetKind === "round"
      ? { kind: "round", roundId: input.roundId }
      : input.targetKind === "county"
        ? { kind: "county", roundId: input.roundId, countyCode: input.countyCode }
        : { kind: "recipient", applicationId: Number(input.applicationId) };
  const release = await generateRelease(getDb(), auditActorOf(user), { templateId: input.templateId, target });
  revalidatePath("/press");
  return { ok: true, data: { id: release.id } };
});

export const saveReleaseAction = authAction({ permission: "press:write", schema: saveReleaseSchema }, (input, user) => {
  const { releaseId, version, ...content } = input;
  const { release, warnings } = saveRelease(getDb(), auditActorOf(user), { releaseId, version, content });
  revalidateRelease(release.id);
  return { ok: true, data: { id: release.id, version: release.version, status: release.status, warnings } };
});

// The step's own permission (publish, review, write) is checked against the table in lib/press/releases.ts.
export const releaseStepAction = authAction(
  { permission: ["press:write", "press:review", "press:publish"], schema: releaseStepSchema },
  (input, user) => {
    const db = getDb();
    const wasPublic = getRelease(db, input.releaseId)?.status === "published";
    const release = takeReleaseStep(db, { ...auditActorOf(user), role: user.role }, input);
    revalidateRelease(release.id);
    if (RELEASE_STEP_RULES[input.step].goesPublic || wasPublic || input.step === "unschedule") revalidateNewsroom();
    return { ok: true, data: { id: release.id, version: release.version, status: release.status } };
  },
);

export const acceptFactsAction = authAction({ permission: "press:write", schema: acceptFactsSchema }, (input, user) => {
  const release = acceptChangedFacts(getDb(), auditActorOf(user), input);
  revalidateRelease(release.id);
  return { ok: true, data: { id: release.id, version: release.version } };
});

export const regenerateReleaseAction = authAction({ permission: "press:write", schema: regenerateReleaseSchema }, async (input, user) => {
  const release = await regenerateRelease(getDb(), auditActorOf(user), input);
  revalidateRelease(release.id);
  return { ok: true, data: { id: release.id, version: release.version } };
});

export const commentAction = authAction({ permission: ["press:review", "press:write"], schema: commentSchema }, (input, user) => {
  const comment = addReleaseComment(getDb(), auditActorOf(user), input);
  revalidateRelease(input.releaseId);
  return { ok: true, data: { id: comment.id } };
});

export const createPreviewLinkAction = authAction({ permission: "press:write", schema: previewLinkSchema }, (input, user) => {
  const { token, link } = createPreviewLink(getDb(), auditActorOf(user), input);
  revalidateRelease(input.releaseId);
  return { ok: true, data: { id: link.id, path: `/forhandsvisning/${token}` } };
});

export const revokePreviewLinkAction = authAction({ permission: "press:write", schema: revokePreviewLinkSchema }, (input, user) => {
  revokeReleasePreviewLink(getDb(), auditActorOf(user), input);
  revalidateRelease(input.releaseId);
  return { ok: true, data: { id: input.linkId } };
});
