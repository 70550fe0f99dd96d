import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { insertOrganisation } from "@/db/queries/organisations";
import { listOpenPasswordTokens } from "@/db/queries/password-tokens";
import { countUserSessions } from "@/db/queries/sessions";
import { getUserById, listUsers } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { startSession } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import { caughtDomainError } from "@/lib/testing";
import {
  CANNOT_DEMOTE_SELF,
  CANNOT_DISABLE_SELF,
  EMAIL_TAKEN,
  inviteUser,
  revokePasswordLinks,
  setUserDisabled,
  updateUserAccount,
  USER_CONFLICT,
} from "./admin";
import { createUserAccount } from "./index";

const T0 = new Date("2026-03-02T08:00:00.000Z");
let db: Db;
let admin: { id: number; label: string };
let umea: number;
let lycksele: number;

beforeEach(async () => {
  db = freshTestDb().db;
  const created = await createUserAccount(db, { email: "chef@anslag.example", name: "Chef Admin", role: "admin", password: "admin-lösenord-2026" }, { id: null, label: "test" });
  admin = { id: created.id, label: created.name };
  umea = insertOrganisation(db, { name: "Umeå kommun", shortName: "Umeå", kind: "kommun" }).id;
  lycksele = insertOrganisation(db, { name: "Lycksele kommun", shortName: "Lycksele", kind: "kommun" }).id;
});

const coordinator = () => inviteUser(db, { name: "Marie Öhlund", email: "marie@umea.example", role: "coordinator", organisationId: umea }, admin, T0).user;

describe("creating an account", () => {
  it("refuses a coordinator without an organisation, and an officer with one, at the field, writing nothing", () => {
    const none = caughtDomainError(() => inviteUser(db, { name: "A", email: "a@umea.example", role: "coordinator", organisationId: "" }, admin));
    expect(none.fieldErrors).toEqual({ organisationId: ["En samordnare måste höra till en organisation."] });
    const some = caughtDomainError(() => inviteUser(db, { name: "B", email: "b@umea.example", role: "officer", organisationId: String(umea) }, admin));
    expect(some.fieldErrors).toEqual({ organisationId: ["Bara samordnare hör till en organisation."] });
    const unknown = caughtDomainError(() => inviteUser(db, { name: "C", email: "c@umea.example", role: "coordinator", organisationId: 99999 }, admin));
    expect(unknown.fieldErrors?.organisationId?.[0]).toMatch(/finns inte/);
    expect(listUsers(db, {}, 1).total).toBe(1);
  });

  it("refuses an address that has an account, whatever its case", () => {
    coordinator();
    const error = caughtDomainError(() => inviteUser(db, { name: "M", email: "MARIE@umea.example", role: "officer", organisationId: "" }, admin));
    expect(error.fieldErrors).toEqual({ email: [EMAIL_TAKEN] });
  });
});

describe("changing an account", () => {
  it("changes role and organisation with before and after in the trail, and ends the user's sessions", () => {
    const user = coordinator();
    startSession(db, user.id, T0);
    const after = updateUserAccount(db, { userId: user.id, version: user.version, name: user.name, role: "coordinator", organisationId: lycksele }, admin, T0);
    expect(after).toMatchObject({ organisationId: lycksele, version: user.version + 1 });
    expect(countUserSessions(db, user.id, T0)).toBe(0);
    const event = listAuditEvents(db, "user", user.id).find((e) => e.action === "user.update")!;
    expect(event.before).toMatchObject({ organisationId: umea });
    expect(event.after).toMatchObject({ organisationId: lycksele });
    expect(JSON.stringify(event)).not.toMatch(/passwordHash|argon2|no-password/);
  });

  it("refuses a save against an older version: two admins never lose an update", () => {
    const user = coordinator();
    updateUserAccount(db, { userId: user.id, version: user.version, name: "Marie Öhlund", role: "officer", organisationId: "" }, admin);
    const stale = caughtDomainError(() =>
      updateUserAccount(db, { userId: user.id, version: user.version, name: "Marie Ö", role: "coordinator", organisationId: lycksele }, admin),
    );
    expect(stale).toMatchObject({ code: "conflict", message: USER_CONFLICT });
    expect(getUserById(db, user.id)).toMatchObject({ role: "officer", name: "Marie Öhlund" });
    const staleDisable = caughtDomainError(() => setUserDisabled(db, { userId: user.id, version: user.version, disabled: true }, admin));
    expect(staleDisable.code).toBe("conflict");
    expect(getUserById(db, user.id)!.disabled).toBe(false);
  });

  it("an admin cannot disable their own account or take away their own admin role", () => {
    const me = getUserById(db, admin.id)!;
    expect(caughtDomainError(() => setUserDisabled(db, { userId: me.id, version: me.version, disabled: true }, admin)).message).toBe(CANNOT_DISABLE_SELF);
    const demote = caughtDomainError(() => updateUserAccount(db, { userId: me.id, version: me.version, name: me.name, role: "officer", organisationId: "" }, admin));
    expect(demote.fieldErrors).toEqual({ role: [CANNOT_DEMOTE_SELF] });
    expect(getUserById(db, admin.id)).toMatchObject({ role: "admin", disabled: false });
  });

  it("disabling ends the sessions and revokes the open links; enabling is audited too", () => {
    const user = coordinator();
    startSession(db, user.id, T0);
    const disabled = setUserDisabled(db, { userId: user.id, version: user.version, disabled: true }, admin, T0);
    expect(countUserSessions(db, user.id, T0)).toBe(0);
    expect(listOpenPasswordTokens(db, user.id, T0)).toEqual([]);
    setUserDisabled(db, { userId: user.id, version: disabled.version, disabled: false }, admin, T0);
    const updates = listAuditEvents(db, "user", user.id).filter((e) => e.action === "user.update");
    expect(updates.map((e) => [e.before, e.after])).toEqual([
      [{ disabled: false }, { disabled: true, linksRevoked: 1 }],
      [{ disabled: true }, { disabled: false }],
    ]);
  });

  it("revokes the open links", () => {
    const user = coordinator();
    expect(revokePasswordLinks(db, { userId: user.id }, admin, T0)).toBe(1);
    expect(listOpenPasswordTokens(db, user.id, T0)).toEqual([]);
    expect(revokePasswordLinks(db, { userId: user.id }, admin, T0)).toBe(0);
  });
});

describe("the user list", () => {
  it("searches name and email, filters role, organisation and disabled, and sorts the Swedish way", () => {
    for (const [name, email] of [["Örjan Ek", "orjan@umea.example"], ["Åsa Berg", "asa@umea.example"], ["Zelda Ahl", "zelda@umea.example"]] as const) {
      inviteUser(db, { name, email, role: "coordinator", organisationId: umea }, admin);
    }
    inviteUser(db, { name: "Anna Lind", email: "anna@lycksele.example", role: "coordinator", organisationId: lycksele }, admin);
    expect(listUsers(db, { role: "coordinator" }, 1).rows.map((r) => r.name)).toEqual(["Anna Lind", "Zelda Ahl", "Åsa Berg", "Örjan Ek"]);
    expect(listUsers(db, { search: "åsa" }, 1).rows.map((r) => r.name)).toEqual(["Åsa Berg"]);
    expect(listUsers(db, { search: "LYCKSELE.ex" }, 1).rows.map((r) => r.name)).toEqual(["Anna Lind"]);
    expect(listUsers(db, { search: "%" }, 1).total).toBe(0);
    expect(listUsers(db, { organisationId: lycksele }, 1).rows.map((r) => [r.name, r.organisationName, r.activated])).toEqual([["Anna Lind", "Lycksele kommun", false]]);
    expect(listUsers(db, { disabled: false }, 1).total).toBe(5);
    expect(listUsers(db, { disabled: true }, 1).total).toBe(0);
    const page2 = listUsers(db, {}, 2, 2);
    expect(page2).toMatchObject({ total: 5 });
    expect(page2.rows.map((r) => r.name)).toEqual(["Zelda Ahl", "Åsa Berg"]);
  });

  it("uses an index for each filter", () => {
    const plan = (sql: string) => JSON.stringify(db.$client.prepare(`explain query plan ${sql}`).all());
    expect(plan("select id from users where role = 'coordinator' order by sort_name limit 50")).toContain("users_role_sort_idx");
    expect(plan("select id from users where disabled = 1 order by sort_name limit 50")).toContain("users_disabled_sort_idx");
    expect(plan("select id from users order by sort_name limit 50")).toContain("users_sort_name_idx");
  });
});

it("DomainError is what a refusal throws", () => {
  expect(caughtDomainError(() => setUserDisabled(db, { userId: 424242, version: 1, disabled: true }, admin))).toBeInstanceOf(DomainError);
});
