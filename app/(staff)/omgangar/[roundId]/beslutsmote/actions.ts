"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { authAction } from "@/lib/actions";
import { auditActorOf } from "@/lib/audit";
import { applicationScope } from "@/lib/auth/permissions";
import { recordMeetingDecisions, type MeetingResult } from "@/lib/decisions/meeting";
import { meetingSchema } from "@/lib/decisions/meeting-schema";

export const recordMeetingDecisionsAction = authAction<typeof meetingSchema, MeetingResult>(
  { permission: "decision:write", schema: meetingSchema },
  (input, user) => {
    const result = recordMeetingDecisions(
      getDb(),
      input.roundId,
      { decidedOn: input.decidedOn, rows: input.rows },
      auditActorOf(user),
      applicationScope(user),
    );
    revalidatePath(`/omgangar/${input.roundId}`, "layout");
    revalidatePath("/");
    revalidatePath("/ansokningar/[applicationId]", "page");
    return { ok: true, data: result };
  },
);
