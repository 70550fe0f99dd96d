import type { APIRequestContext } from "@playwright/test";
import { actionOutcomeOf, callAction } from "../authorisation/http";
import { builtActions } from "../authorisation/inventory";

/*
 * A stream of decisions over plain HTTP, as an officer's browser sends them: recordDecisionAction posted to each
 * application's page. What the server acknowledged (the action answered ok) is kept apart from what was sent and
 * never answered (the server died first): the first must all be in the database afterwards, the second may or may not.
 */

const RECORD_DECISION = "app/(staff)/ansokningar/[applicationId]/decision-actions.ts#recordDecisionAction";

export function recordDecisionActionId(): string {
  const action = builtActions().find((a) => a.key === RECORD_DECISION);
  if (!action) throw new Error(`${RECORD_DECISION} is not in the build: run \`npx next build\``);
  return action.id;
}

export const todayInStockholm = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

export type StreamResult = {
  /** application id -> the amount the server acknowledged as granted. */
  acknowledged: Map<number, number>;
  /** Refused with a code (the budget rule: "domain"), application id -> code. */
  refused: Map<number, string>;
  /** Sent, and the connection broke before an answer. */
  unanswered: Set<number>;
  /** Anything else (a 500): a failure of the test. */
  unexpected: string[];
};

export function emptyStreamResult(): StreamResult {
  return { acknowledged: new Map(), refused: new Map(), unanswered: new Set(), unexpected: [] };
}

/**
 * Approves each application in `queue` for `amount`, `parallel` at a time, until the queue is empty or `stop()`
 * says so; `afterAck` is told each acknowledgement (the crash test kills the server from there).
 */
export async function streamDecisions(options: {
  context: APIRequestContext;
  origin: string;
  actionId: string;
  queue: number[];
  amount: number;
  parallel: number;
  result: StreamResult;
  afterAck?: (result: StreamResult) => void;
  stop?: () => boolean;
}): Promise<void> {
  const { context, origin, actionId, queue, amount, result } = options;
  const decidedOn = todayInStockholm();
  const worker = async () => {
    while (queue.length > 0 && !options.stop?.()) {
      const applicationId = queue.shift()!;
      let outcome: string;
      try {
        const answer = await callAction(
          context,
          `/ansokningar/${applicationId}`,
          actionId,
          [{ applicationId, outcome: "approved", grantedAmount: amount, motivation: "Beviljas i härdningstestet.", decidedOn }],
          origin,
        );
        outcome = actionOutcomeOf(answer);
      } catch {
        // ECONNRESET, ECONNREFUSED: the server is gone; this decision was never acknowledged.
        result.unanswered.add(applicationId);
        return;
      }
      if (outcome === "ok") {
        result.acknowledged.set(applicationId, amount);
        options.afterAck?.(result);
      } else if (outcome === "budget" || outcome === "domain" || outcome === "invalid") result.refused.set(applicationId, outcome);
      else result.unexpected.push(`application ${applicationId}: ${outcome}`);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
}
