import type { Permission } from "@/lib/auth/permissions";
import type { ReleaseStatus } from "@/lib/enums";

/*
 * A release's steps, as one table: from which statuses each step may be taken, where it leads, and the permission
 * (lib/auth/permissions.ts) it takes. Communications write and publish, officers review and comment, admins do all;
 * coordinators hold none of these. The server checks every step against this table; the page shows only the steps
 * the user may take from the release's status.
 */

export const RELEASE_STEPS = ["submit", "approve", "sendBack", "publish", "schedule", "embargo", "unschedule", "unpublish"] as const;
export type ReleaseStep = (typeof RELEASE_STEPS)[number];

export type StepRule = {
  from: readonly ReleaseStatus[];
  to: ReleaseStatus;
  permission: Permission;
  /** The step needs a moment in the future (scheduled, embargoed). */
  needsTime?: boolean;
  /** The step needs a comment saying why (sending back). */
  needsComment?: boolean;
  /** The step makes the release public (now or at its time): refused while the facts have changed. */
  goesPublic?: boolean;
};

export const RELEASE_STEP_RULES: Readonly<Record<ReleaseStep, StepRule>> = {
  submit: { from: ["draft"], to: "review", permission: "press:write" },
  approve: { from: ["review"], to: "approved", permission: "press:review" },
  sendBack: { from: ["review", "approved"], to: "draft", permission: "press:review", needsComment: true },
  publish: { from: ["approved"], to: "published", permission: "press:publish", goesPublic: true },
  schedule: { from: ["approved"], to: "scheduled", permission: "press:publish", needsTime: true, goesPublic: true },
  embargo: { from: ["approved"], to: "embargoed", permission: "press:publish", needsTime: true, goesPublic: true },
  unschedule: { from: ["scheduled", "embargoed"], to: "approved", permission: "press:publish" },
  unpublish: { from: ["published"], to: "draft", permission: "press:publish" },
};

/** Content may be edited in these statuses; an edit of a release under review or later sends it back to draft. */
export const EDITABLE_STATUSES: readonly ReleaseStatus[] = ["draft", "review", "approved", "scheduled", "embargoed"];

export function stepsFrom(status: ReleaseStatus): ReleaseStep[] {
  return RELEASE_STEPS.filter((step) => RELEASE_STEP_RULES[step].from.includes(status));
}
