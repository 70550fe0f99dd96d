import { describe, expect, it } from "vitest";
import { applicationTimeline } from "./timeline";

describe("applicationTimeline", () => {
  it("lists received, the audited steps a coordinator follows and the decision on its own date, in order", () => {
    const steps = applicationTimeline({
      receivedAt: new Date("2013-09-02T08:00:00Z"),
      decision: { outcome: "approved", decidedOn: "2013-11-20" },
      events: [
        { at: new Date("2013-09-02T08:00:00Z"), action: "application.create" },
        { at: new Date("2013-10-01T09:00:00Z"), action: "application.contact" },
        { at: new Date("2013-11-21T10:00:00Z"), action: "decision.create" },
        { at: new Date("2013-12-01T10:00:00Z"), action: "decision.update" },
        { at: new Date("2013-12-02T10:00:00Z"), action: "release.publish" },
      ],
    });
    expect(steps.map((s) => s.kind)).toEqual(["received", "application_contact", "decided_approved", "decision_update"]);
  });

  it("has only the received step before a decision", () => {
    expect(applicationTimeline({ receivedAt: new Date("2026-03-01T08:00:00Z"), decision: null, events: [] }).map((s) => s.kind)).toEqual(["received"]);
  });
});
