import { describe, expect, it } from "vitest";
import { findInJson, personValues, scrubJson, SCRUBBED } from "./values";

const anna = personValues({
  names: ["Anna Berg"],
  emails: ["anna.berg@umea.example"],
  phones: ["090-12 34 56"],
  titles: ["jämställdhetsstrateg"],
  registrationNumbers: ["HJ-2013-0042"],
});

describe("scrubJson", () => {
  it("replaces the person's values, whole or inside a text, and keeps everyone else's", () => {
    const { value, matches } = scrubJson(
      {
        contactName: "anna  berg",
        contactTitle: "Jämställdhetsstrateg",
        contactEmail: "Anna.Berg@umea.example",
        contacts: "Anna Berg, tel 090-12\u00a034 56\nBo Ek, tel 070-000 00 00",
        projectTitle: "jämställdhetsstrateg", // a title only under a contact title's key
        other: { contactName: "Bo Ek", contactEmail: "bo@ek.example" },
      },
      anna,
    );
    expect(value).toEqual({
      contactName: SCRUBBED,
      contactTitle: SCRUBBED,
      contactEmail: SCRUBBED,
      contacts: `${SCRUBBED}, tel ${SCRUBBED}\nBo Ek, tel 070-000 00 00`,
      projectTitle: "jämställdhetsstrateg",
      other: { contactName: "Bo Ek", contactEmail: "bo@ek.example" },
    });
    expect(matches.map((m) => m.path)).toEqual(["contactName", "contactTitle", "contactEmail", "contacts", "contacts"]);
  });

  it("scrubs a fact change of the person's application whatever its values, and not another application's", () => {
    const changes = [
      { path: "recipients[HJ-2013-0042].contact.title", before: "strateg", after: "chef" },
      { path: "recipients[HJ-2013-0043].contact.title", before: "strateg", after: "chef" },
    ];
    expect(scrubJson({ changes }, anna).value.changes).toEqual([
      { path: "recipients[HJ-2013-0042].contact.title", before: SCRUBBED, after: SCRUBBED },
      changes[1],
    ]);
  });

  it("finds nothing in what an erasure left behind", () => {
    const erased = personValues({ names: ["Raderad", "Raderad användare"], emails: [""], phones: [null], titles: [], registrationNumbers: [] });
    expect(findInJson({ contactName: "Raderad", x: SCRUBBED }, erased)).toEqual([]);
  });
});
