import "server-only";
import { getDb } from "@/db";
import { getRoundStatistics, type RoundStatistics } from "@/db/queries/statistics";

export type { CountyGrants, KindGrants, RoundStatistics } from "@/db/queries/statistics";

/** A round's statistics from the app's database, for server components (components/ never import db/). */
export function loadRoundStatistics(roundId: number): RoundStatistics | null {
  return getRoundStatistics(getDb(), roundId);
}
