import { describe, expect, it } from "vitest";
import { meetingSchema } from "./meeting-schema";

const meeting = (rows: Record<string, unknown>[]) => ({
  roundId: 1,
  decidedOn: "2026-06-01",
  rows: rows.map((r) => ({ motivation: "Enligt beslutsmötet.", ...r })),
});
const errorsOf = (input: unknown) => {
  const result = meetingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the decision meeting's form", () => {
  it("reads approvals, rejections and rows left undecided", () => {
    const parsed = meetingSchema.parse(
      meeting([
        { applicationId: 1, outcome: "approved", grantedAmount: "1 200 000" },
        { applicationId: 2, outcome: "rejected", grantedAmount: "500 000" },
        { applicationId: 3, outcome: "", grantedAmount: "" },
      ]),
    );
    expect(parsed.rows).toEqual([
      { applicationId: 1, outcome: "approved", grantedAmount: 1_200_000, expectedVersion: undefined, motivation: "Enligt beslutsmötet.", confirmOverRequest: false },
      { applicationId: 2, outcome: "rejected", grantedAmount: 0, expectedVersion: undefined, motivation: "Enligt beslutsmötet.", confirmOverRequest: false },
      { applicationId: 3, outcome: null, grantedAmount: 0, expectedVersion: undefined, motivation: "Enligt beslutsmötet.", confirmOverRequest: false },
    ]);
  });

  it("puts each refusal at its row's field", () => {
    expect(
      errorsOf(
        meeting([
          { applicationId: 1, outcome: "approved", grantedAmount: "" },
          { applicationId: 2, outcome: "approved", grantedAmount: "-5" },
          { applicationId: 3, outcome: "approved", grantedAmount: "1200,50" },
        ]),
      ),
    ).toEqual([
      ["rows.0.grantedAmount", "Ange det beviljade beloppet (mer än 0 kronor)."],
      ["rows.1.grantedAmount", "Beloppet kan inte vara negativt."],
      ["rows.2.grantedAmount", "Beloppet ska anges i hela kronor, utan ören."],
    ]);
  });

  it("refuses to clear a decision already made (withdrawing one needs a reason, on its own page)", () => {
    expect(errorsOf(meeting([{ applicationId: 1, outcome: "", grantedAmount: "", expectedVersion: 2 }]))).toEqual([
      ["rows.0.outcome", "Ett fattat beslut kan inte tas bort i beslutsmötet."],
    ]);
  });

  it("needs a motivation for every row with a decision, not for a row left undecided", () => {
    expect(
      errorsOf(
        meeting([
          { applicationId: 1, outcome: "rejected", grantedAmount: "", motivation: " " },
          { applicationId: 2, outcome: "", grantedAmount: "", motivation: "" },
          { applicationId: 3, outcome: "approved", grantedAmount: "5", motivation: "\u0000" },
        ]),
      ),
    ).toEqual([
      ["rows.0.motivation", "Skriv en motivering. Den är beslutets skäl och står i beslutsbrevet."],
      ["rows.2.motivation", "Texten innehåller styrtecken som inte hör hemma i en text. Ta bort dem."],
    ]);
  });

  it("asks for the confirmation of an amount over the requested one, and refuses a future date or the year 0012", () => {
    expect(errorsOf(meeting([{ applicationId: 1, outcome: "approved", grantedAmount: "1 000 001", requestedAmount: 1_000_000 }]))).toEqual([
      ["rows.0.confirmOverRequest", "Det beviljade beloppet är större än det sökta. Bekräfta att ansökan ska få mer än den sökte om."],
    ]);
    expect(
      errorsOf(meeting([{ applicationId: 1, outcome: "approved", grantedAmount: "1 000 001", requestedAmount: 1_000_000, confirmOverRequest: true }])),
    ).toEqual([]);
    expect(errorsOf({ ...meeting([{ applicationId: 1, outcome: "rejected" }]), decidedOn: "2999-01-01" })).toEqual([
      ["decidedOn", "Beslutsdatumet kan inte ligga i framtiden."],
    ]);
    expect(errorsOf({ ...meeting([{ applicationId: 1, outcome: "rejected" }]), decidedOn: "0012-05-01" })).toEqual([
      ["decidedOn", "Beslutsdatumet kan inte vara före 1 januari 2000."],
    ]);
  });
});
