import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getUserById, updateUser } from "@/db/queries/users";
import { freshTestDb } from "@/db/testing";
import { insertOrganisation } from "@/db/queries/organisations";
import { changeOwnPassword, createUserAccount } from "@/lib/users";
import { liveSession, endSession, SESSION_LIFETIME_MS, startSession } from "./sessions";
import { authenticate } from "./sign-in";

const ACTOR = { id: null, label: "test" } as const;
const EMAIL = "karin@anslag.example";
const PASSWORD = "rätt-lösenord-2026";
const T0 = new Date("2026-03-02T08:00:00.000Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let db: Db;
let userId: number;

beforeEach(async () => {
  db = freshTestDb().db;
  userId = (await createUserAccount(db, { email: EMAIL, name: "Karin Lindqvist", role: "officer", password: PASSWORD }, ACTOR)).id;
});

async function signIn(now = T0): Promise<string> {
  const result = await authenticate(db, EMAIL, PASSWORD, null, now);
  if (!result.ok) throw new Error("sign-in failed");
  return result.user.sessionId;
}

const alive = (sessionId: string, now = T0) => liveSession(db, { userId: String(userId), sessionId }, now) !== null;

describe("sessions end on the server", () => {
  it("signing in makes a live session for the user, with its start", async () => {
    const sessionId = await signIn();
    expect(sessionId).toMatch(/^[\w-]{43}$/);
    const session = liveSession(db, { userId: String(userId), sessionId }, at(1));
    expect(session?.user).toMatchObject({ id: userId, email: EMAIL, role: "officer", organisationId: null });
    expect(session?.signedInAt).toEqual(T0);
  });

  it("signing out ends that session and no other", async () => {
    const here = await signIn();
    const there = await signIn();
    endSession(db, here);
    expect(alive(here)).toBe(false);
    expect(alive(there)).toBe(true);
  });

  it("a cookie without a session id (made before sessions were kept), or naming another user, is no session", async () => {
    const sessionId = await signIn();
    expect(liveSession(db, { userId: String(userId), sessionId: undefined })).toBeNull();
    expect(liveSession(db, { userId: String(userId), sessionId: "" })).toBeNull();
    expect(liveSession(db, { userId: String(userId + 1), sessionId })).toBeNull();
    expect(liveSession(db, { userId: "x", sessionId })).toBeNull();
  });

  it("lasts 8 hours from signing in, however busy the user is meanwhile", async () => {
    const sessionId = await signIn();
    for (let minutes = 0; minutes < 8 * 60; minutes += 15) expect(alive(sessionId, at(minutes))).toBe(true);
    expect(alive(sessionId, at(8 * 60 - 1))).toBe(true);
    expect(alive(sessionId, new Date(T0.getTime() + SESSION_LIFETIME_MS))).toBe(false);
    expect(alive(sessionId, at(8 * 60 + 1))).toBe(false);
  });

  it("signing in again starts a new 8 hours, and clears sessions that have expired", async () => {
    const first = await signIn();
    const second = await signIn(at(9 * 60));
    expect(alive(second, at(9 * 60 + 7 * 60))).toBe(true);
    expect(db.$client.prepare("select count(*) as n from sessions where id = ?").get(first)).toEqual({ n: 0 });
  });

  it("a password change ends the user's other sessions and keeps the one that made it", async () => {
    const here = await signIn();
    const there = await signIn();
    const result = await changeOwnPassword(
      db,
      userId,
      here,
      { currentPassword: PASSWORD, newPassword: "ett-helt-nytt-lösenord", confirmPassword: "ett-helt-nytt-lösenord" },
      { id: userId, label: "Karin Lindqvist" },
      at(5),
    );
    expect(result.otherSessionsEnded).toBe(1);
    expect(alive(here, at(6))).toBe(true);
    expect(alive(there, at(6))).toBe(false);
  });

  it("disabling the account ends its sessions, and enabling it again does not bring them back", async () => {
    const sessionId = await signIn();
    updateUser(db, userId, { disabled: true });
    expect(alive(sessionId)).toBe(false);
    updateUser(db, userId, { disabled: false });
    expect(alive(sessionId)).toBe(false);
  });

  it("changing the role or the organisation ends the sessions; a new name does not", async () => {
    const first = await signIn();
    updateUser(db, userId, { name: "Karin Lindqvist-Berg" });
    expect(alive(first)).toBe(true);
    updateUser(db, userId, { role: "officer" });
    expect(alive(first), "the same role is no change").toBe(true);
    updateUser(db, userId, { role: "admin" });
    expect(alive(first)).toBe(false);

    const second = await signIn();
    const organisationId = insertOrganisation(db, { name: "Umeå kommun", shortName: "Umeå", kind: "kommun" }).id;
    updateUser(db, userId, { role: "coordinator", organisationId });
    expect(alive(second)).toBe(false);
    expect(getUserById(db, userId)?.role).toBe("coordinator");
  });

  it("a session made directly lives exactly its 8 hours", () => {
    const sessionId = startSession(db, userId, T0);
    expect(alive(sessionId, at(479))).toBe(true);
    expect(alive(sessionId, at(480))).toBe(false);
  });
});
