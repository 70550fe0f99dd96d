import { randomBytes } from "node:crypto";
import { createUser } from "./data";
import { expect, test } from "./fixtures";
import { builtActions } from "./authorisation/inventory";
import { credentialsSignIn, raw, setCookies, type RawAnswer } from "./raw-http";

/*
 * Sign-in abuse (issue 14): the lock per address stays, and a locked address cannot be probed for whether it has an
 * account. After the failures that lock it, a registered address and an unknown one answer alike: status, headers,
 * cookies and body, through next-auth's endpoint and through the sign-in form's action. Each client here is an
 * address of its own on the loopback network, so the run's other sign-ins (all from 127.0.0.1) are never locked by
 * these failures. (That the work on the way is the same, one argon2 verification, is lib/auth/sign-in-abuse.test.ts.)
 * It sends plain HTTP and opens no browser page, so there is no rendered page for axe (expectAccessible) to check.
 */

const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const LOCK_AFTER = 5;

/** What a client can compare of two answers: everything but the date and the values of fresh random tokens. */
function comparable(answer: RawAnswer) {
  const headers = Object.fromEntries(
    Object.entries(answer.headers)
      .filter(([name]) => !["date", "set-cookie"].includes(name))
      .map(([name, value]) => [name, name === "content-security-policy" ? String(value).replace(/'nonce-[^']+'/, "'nonce-…'") : value]),
  );
  const cookies = setCookies(answer).map((c) => c.replace(/=[^;]*/, "=…"));
  return { status: answer.status, headers, cookies, body: answer.body };
}

/** The action's result row of an RSC answer (row 0 names it: "a":"$@1"); the rest carries per-request keys. */
function actionResult(body: string): string | undefined {
  const rows = new Map(body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  const root = JSON.parse(rows.get("0") ?? "{}") as { a?: string };
  return typeof root.a === "string" && root.a.startsWith("$@") ? rows.get(root.a.slice(2)) : undefined;
}

function signInAction(email: string, password: string, localAddress: string): Promise<RawAnswer> {
  const action = builtActions().find((a) => a.key === "app/(public)/[locale]/logga-in/actions.ts#signInAction")!;
  const body = JSON.stringify([{ email, password, locale: "sv" }]);
  return raw({
    method: "POST",
    path: "/logga-in",
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: ORIGIN, "content-length": Buffer.byteLength(body) },
    body,
    localAddress,
  });
}

test("a locked address answers alike whether or not it has an account", async () => {
  const user = await createUser("officer");
  const missing = `ingen-${randomBytes(4).toString("hex")}@test.example`;
  // Lock both, each from a client of its own.
  for (let i = 0; i < LOCK_AFTER; i++) {
    const [a, b] = [await credentialsSignIn(user.email, "fel-lösenord-123", { localAddress: "127.0.0.21" }), await credentialsSignIn(missing, "fel-lösenord-123", { localAddress: "127.0.0.22" })];
    expect(comparable(b), `failure ${i + 1}`).toEqual(comparable(a));
  }
  // Now locked: even the right password is refused, and the registered address looks like the unknown one.
  const lockedExisting = await credentialsSignIn(user.email, user.password, { localAddress: "127.0.0.23" });
  const lockedMissing = await credentialsSignIn(missing, user.password, { localAddress: "127.0.0.23" });
  expect(lockedExisting.status).toBe(302);
  expect(String(lockedExisting.headers.location)).toContain("code=locked");
  expect(setCookies(lockedExisting).some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  expect(comparable(lockedMissing)).toEqual(comparable(lockedExisting));

  // The sign-in form's action says so in words, the same words for both.
  const actionExisting = await signInAction(user.email, user.password, "127.0.0.24");
  const actionMissing = await signInAction(missing, user.password, "127.0.0.24");
  expect(actionExisting.status).toBe(200);
  expect(actionResult(actionExisting.body)).toContain("För många misslyckade inloggningsförsök");
  const withResult = (answer: RawAnswer) => ({ ...comparable(answer), body: actionResult(answer.body) });
  expect(withResult(actionMissing)).toEqual(withResult(actionExisting));
});

test("the lock per client stays: past its limit a client is refused for every address", async () => {
  const user = await createUser("officer");
  const client = "127.0.0.31";
  for (let i = 0; i < 30; i++) await credentialsSignIn(`gissning-${i}-${randomBytes(3).toString("hex")}@test.example`, "fel-lösenord-123", { localAddress: client });
  const refused = await credentialsSignIn(user.email, user.password, { localAddress: client });
  expect(String(refused.headers.location)).toContain("code=locked");
  // The account itself is not locked: from another client it signs in.
  const elsewhere = await credentialsSignIn(user.email, user.password, { localAddress: "127.0.0.32" });
  expect(setCookies(elsewhere).some((c) => c.startsWith("authjs.session-token="))).toBe(true);
});
