import { describe, expect, it } from "vitest";
import { parseUserListQuery, userListFilter, userListSearch } from "./list-query";

describe("the user list's query", () => {
  it("reads the GET form's filters and keeps them in the page links", () => {
    const query = parseUserListQuery({ sok: " Öberg ", roll: "coordinator", organisation: "12", status: "avstangda", sida: "3" });
    expect(query).toEqual({ sok: "Öberg", roll: "coordinator", organisation: 12, status: "avstangda", sida: 3 });
    expect(userListFilter(query)).toEqual({ search: "Öberg", role: "coordinator", organisationId: 12, disabled: true });
    expect(userListSearch(query, 2)).toBe("?sok=%C3%96berg&roll=coordinator&organisation=12&status=avstangda&sida=2");
  });

  it("ignores what it cannot read, and shows the unfiltered list", () => {
    const query = parseUserListQuery({ roll: "superuser", organisation: "-1", status: "x", sida: "abc", sok: ["", "b"] });
    expect(query).toEqual({});
    expect(userListFilter(parseUserListQuery({ status: "aktiva" })).disabled).toBe(false);
  });
});
