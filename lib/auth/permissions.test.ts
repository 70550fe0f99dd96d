import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/enums";
import {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  applicationScope,
  canReadApplication,
  hasPermission,
  type Actor,
  type Permission,
} from "./permissions";

// The table as ARCHITECTURE.md states it, written out in full so any change to ROLE_PERMISSIONS must be deliberate.
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  "user:manage": { admin: true, officer: false, communications: false, coordinator: false },
  "organisation:manage": { admin: true, officer: true, communications: false, coordinator: false },
  "organisation:merge": { admin: true, officer: false, communications: false, coordinator: false },
  "personal-data:manage": { admin: true, officer: false, communications: false, coordinator: false },
  "round:manage": { admin: true, officer: true, communications: false, coordinator: false },
  "application:write": { admin: true, officer: true, communications: false, coordinator: false },
  "application:read:any": { admin: true, officer: true, communications: true, coordinator: false },
  "application:read:own-organisation": { admin: false, officer: false, communications: false, coordinator: true },
  "application:contact:own-organisation": { admin: false, officer: false, communications: false, coordinator: true },
  "decision:write": { admin: true, officer: true, communications: false, coordinator: false },
  "statistics:read": { admin: true, officer: true, communications: true, coordinator: false },
  "audit:read": { admin: true, officer: true, communications: false, coordinator: false },
  "audit:read:all": { admin: true, officer: false, communications: false, coordinator: false },
  "press:write": { admin: true, officer: false, communications: true, coordinator: false },
  "press:review": { admin: true, officer: true, communications: true, coordinator: false },
  "press:export": { admin: true, officer: false, communications: true, coordinator: false },
  "press:publish": { admin: true, officer: false, communications: true, coordinator: false },
  "template:write": { admin: true, officer: false, communications: true, coordinator: false },
  "account:self": { admin: true, officer: true, communications: true, coordinator: true },
};

const actor = (role: Role, organisationId: number | null = null): Actor => ({ id: 1, name: "T", role, organisationId });

describe("permission table", () => {
  it("covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[permission][role];
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(hasPermission(actor(role, role === "coordinator" ? 7 : null), permission)).toBe(allowed);
      });
    }
  }

  it("grants nothing to a missing actor", () => {
    for (const permission of PERMISSIONS) expect(hasPermission(null, permission)).toBe(false);
  });

  it("lists no permission twice for a role", () => {
    for (const role of ROLES) expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
  });
});

describe("application scope", () => {
  it("lets admin, officer and communications read every organisation's applications", () => {
    for (const role of ["admin", "officer", "communications"] as const) {
      expect(applicationScope(actor(role))).toEqual({ kind: "all" });
      expect(canReadApplication(actor(role), { leadOrganisationId: 99 })).toBe(true);
    }
  });

  it("limits a coordinator to their own organisation", () => {
    expect(applicationScope(actor("coordinator", 7))).toEqual({ kind: "organisation", organisationId: 7 });
    expect(canReadApplication(actor("coordinator", 7), { leadOrganisationId: 7 })).toBe(true);
  });

  it("refuses a coordinator another organisation's application", () => {
    expect(canReadApplication(actor("coordinator", 7), { leadOrganisationId: 8 })).toBe(false);
    expect(canReadApplication(actor("coordinator", 7), { leadOrganisationId: 8, coApplicantIds: [9, 10] })).toBe(false);
  });

  it("lets a coordinator read a joint application their organisation takes part in", () => {
    expect(canReadApplication(actor("coordinator", 7), { leadOrganisationId: 8, coApplicantIds: [7] })).toBe(true);
  });

  it("gives a coordinator without an organisation nothing", () => {
    expect(applicationScope(actor("coordinator", null))).toEqual({ kind: "none" });
    expect(canReadApplication(actor("coordinator", null), { leadOrganisationId: 7 })).toBe(false);
  });

  it("gives a signed-out visitor nothing", () => {
    expect(applicationScope(null)).toEqual({ kind: "none" });
    expect(canReadApplication(undefined, { leadOrganisationId: 7 })).toBe(false);
  });
});
