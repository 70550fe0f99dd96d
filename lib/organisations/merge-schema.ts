import { z } from "zod";

/**
 * Confirming a merge from its preview: which organisation is kept and which one goes, the two organisations'
 * versions (updated_at in epoch seconds, as the edit form carries it) and the counts the preview showed. A merge
 * against a changed organisation, or counts that moved since the preview, is refused as stale.
 */
export const mergeOrganisationsSchema = z.object({
  keptId: z.coerce.number().int().positive(),
  duplicateId: z.coerce.number().int().positive(),
  keptVersion: z.coerce.number().int().nonnegative(),
  duplicateVersion: z.coerce.number().int().nonnegative(),
  leadCount: z.coerce.number().int().nonnegative(),
  coApplicationCount: z.coerce.number().int().nonnegative(),
  userCount: z.coerce.number().int().nonnegative(),
});
export type MergeOrganisationsInput = z.input<typeof mergeOrganisationsSchema>;
