import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listAuditEvents } from "@/db/queries/audit";
import { getUserByEmail } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { DomainError } from "@/lib/errors";
import { createUserAccount } from "./index";

const ACTOR = { id: null, label: "test" } as const;
const INPUT = { email: "karin@anslag.example", name: "Karin Lindqvist", role: "officer", password: "rätt-lösenord-2026" };

let db: Db;
beforeEach(() => {
  db = freshTestDb().db;
});

describe("createUserAccount", () => {
  it("creates the account and its audit event, without the password hash in the trail", async () => {
    const user = await createUserAccount(db, INPUT, ACTOR);
    const events = listAuditEvents(db, "user", user.id);
    expect(events.map((e) => e.action)).toEqual(["user.create"]);
    expect(JSON.stringify(events[0]?.after)).not.toContain("argon2");
    expect(events[0]?.after).toMatchObject({ email: INPUT.email, name: INPUT.name, role: "officer" });
  });

  it("refuses a second account with the same address, whatever its case, and writes nothing", async () => {
    await createUserAccount(db, INPUT, ACTOR);
    const again = createUserAccount(db, { ...INPUT, email: "KARIN@anslag.example", name: "Karin L" }, ACTOR);
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject({ code: "duplicate_email", fieldErrors: { email: [expect.stringContaining("redan")] } });
    expect(getUserByEmail(db, INPUT.email)?.name).toBe("Karin Lindqvist");
  });

  it("refuses a name with control characters or a reading-direction override", async () => {
    await expect(createUserAccount(db, { ...INPUT, name: "Karin\u0000" }, ACTOR)).rejects.toThrow(/styrtecken/);
    await expect(createUserAccount(db, { ...INPUT, name: "\u202EKarin" }, ACTOR)).rejects.toThrow(/läsriktningen/);
    expect(getUserByEmail(db, INPUT.email)).toBeNull();
  });

  it("stores the name normalised (NFC, single spaces)", async () => {
    const user = await createUserAccount(db, { ...INPUT, name: "Karin\u00a0 Lindqvist" }, ACTOR);
    expect(user.name).toBe("Karin Lindqvist");
  });
});
