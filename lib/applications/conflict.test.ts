import { describe, expect, it } from "vitest";
import type { ApplicationSnapshot } from "@/db/queries/applications";
import { resolveConflict, snapshotOfFormValues } from "./conflict";

const loaded: ApplicationSnapshot = {
  leadOrganisation: "Umeå kommun",
  coApplicants: "Vännäs kommun",
  projectTitle: "Gemensam titel",
  description: "Rad ett\nRad två",
  focusAreas: "Medborgarservice; Äldreomsorg",
  requestedAmount: 400_000,
  contactName: "",
  contactTitle: "",
  contactPhone: "",
  contactEmail: "",
};

const formOf = (s: ApplicationSnapshot) => ({
  leadOrganisation: { name: s.leadOrganisation },
  coApplicants: s.coApplicants.split("; ").map((name) => ({ name })),
  projectTitle: s.projectTitle,
  description: s.description,
  focusAreas: s.focusAreas,
  requestedAmount: String(s.requestedAmount),
  contactName: s.contactName,
  contactTitle: s.contactTitle,
  contactPhone: s.contactPhone,
  contactEmail: s.contactEmail,
});

describe("resolveConflict", () => {
  it("takes the saved amount when the officer changed only the title, and shows the title side by side", () => {
    const started = snapshotOfFormValues(formOf(loaded));
    const mine = snapshotOfFormValues({ ...formOf(loaded), projectTitle: "B:s titel" });
    const saved = { ...loaded, requestedAmount: 450_000, projectTitle: "A:s titel" };
    expect(resolveConflict(started, mine, saved)).toEqual({ differing: ["projectTitle"], takenFromSaved: ["requestedAmount"] });
  });

  it("keeps a field only the officer changed without asking, and takes the one only the other changed", () => {
    const started = snapshotOfFormValues(formOf(loaded));
    const mine = snapshotOfFormValues({ ...formOf(loaded), projectTitle: "B:s titel" });
    expect(resolveConflict(started, mine, { ...loaded, requestedAmount: 450_000 })).toEqual({ differing: [], takenFromSaved: ["requestedAmount"] });
  });

  it("does not call a field changed when only its spelling of spaces, list separators or amount differs", () => {
    const started = snapshotOfFormValues(formOf(loaded));
    const mine = snapshotOfFormValues({
      ...formOf(loaded),
      requestedAmount: "400 000",
      focusAreas: "Medborgarservice ;Äldreomsorg;",
      projectTitle: "Gemensam\u00a0titel ",
    });
    expect(resolveConflict(started, mine, loaded)).toEqual({ differing: [], takenFromSaved: [] });
  });

  it("keeps a change both made the same way out of the comparison", () => {
    const started = snapshotOfFormValues(formOf(loaded));
    const mine = snapshotOfFormValues({ ...formOf(loaded), requestedAmount: "450 000" });
    expect(resolveConflict(started, mine, { ...loaded, requestedAmount: 450_000 })).toEqual({ differing: [], takenFromSaved: [] });
  });

  it("shows an amount that does not parse as differing", () => {
    const started = snapshotOfFormValues(formOf(loaded));
    const mine = snapshotOfFormValues({ ...formOf(loaded), requestedAmount: "fyra" });
    expect(resolveConflict(started, mine, { ...loaded, requestedAmount: 450_000 }).differing).toEqual(["requestedAmount"]);
  });
});
