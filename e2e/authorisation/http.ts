import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { SESSION_ENDED_PARAM } from "@/lib/auth/sign-in-params";
import { FormArgument, type ActionOutcome, type HttpCase, type HttpOutcome } from "./table";
import type { World } from "./world";

/*
 * Plain HTTP, the way an attacker would send it: an API request context per caller holding only its session cookie,
 * no browser, no redirects followed. A server action is posted to a page with its id in the Next-Action header and
 * its arguments encoded as React's encodeReply encodes them: plain JSON values as a text/plain body
 * `JSON.stringify(args)` (Next's action handler passes that string to decodeReply), a FormData argument as a
 * multipart body with the root in field "0" and the form's fields as "_1_<name>" (referenced as "$K1").
 */

export async function callerContext(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form's action does; the context keeps the cookie. */
export async function signIn(context: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password }, maxRedirects: 0 });
  const cookies = (await context.storageState()).cookies;
  if (response.status() !== 302 || !cookies.some((c) => c.name === "authjs.session-token")) {
    throw new Error(`Signing in ${email} failed: ${response.status()} ${response.headers().location ?? ""}`);
  }
}

export type Answer = { status: number; location: string | null; actionRedirect: string | null; body: string; contentType: string };

export async function answerOf(response: APIResponse): Promise<Answer> {
  const headers = response.headers();
  return {
    status: response.status(),
    location: headers.location ?? null,
    actionRedirect: headers["x-action-redirect"] ?? null,
    body: (await response.body()).toString("utf8"),
    contentType: headers["content-type"] ?? "",
  };
}

export async function request(context: APIRequestContext, w: World, entry: HttpCase, origin: string): Promise<Answer> {
  const url = entry.url(w);
  const extra = entry.request?.(w) ?? {};
  const response =
    entry.method === "POST"
      ? await context.post(url, { headers: { origin, ...extra.headers }, multipart: extra.multipart, maxRedirects: 0 })
      : await context.get(url, { headers: extra.headers, maxRedirects: 0 });
  return answerOf(response);
}

/** What a page or route answer is, in the table's terms. */
export function httpOutcomeOf(answer: Answer, requestedUrl: string, signedOut: boolean): HttpOutcome | string {
  if (answer.status >= 300 && answer.status < 400 && answer.location) {
    const target = new URL(answer.location, "http://app.invalid");
    if (target.pathname === "/logga-in" || target.pathname === "/sv/logga-in") {
      // A signed-out visitor comes back to the page after signing in; an ended session is told so.
      const expected = signedOut ? target.searchParams.get("callbackUrl") === requestedUrl : target.searchParams.has(SESSION_ENDED_PARAM);
      return expected ? "sign-in" : `sign-in via ${answer.location}`;
    }
    return { redirect: `${target.pathname}${target.search}` };
  }
  return answer.status as HttpOutcome;
}

/**
 * An action's arguments as a client sends them. `stringify` writes the JSON (JSON.stringify by default; the
 * hostile-input test passes one that writes React's reply encoding of `$`-strings, undefined and non-finite numbers).
 */
export function encodeArguments(
  args: unknown[],
  stringify: (args: unknown[]) => string = JSON.stringify,
): { headers: Record<string, string>; data?: string; multipart?: Record<string, string> } {
  const forms = args.filter((a): a is FormArgument => a instanceof FormArgument);
  if (forms.length === 0) return { headers: { "content-type": "text/plain;charset=UTF-8" }, data: stringify(args) };
  const multipart: Record<string, string> = {};
  let part = 0;
  // The root names each form by its part ("$K1"), a reference the reply encoding must not escape as a string.
  const root = args.map((arg) => {
    if (!(arg instanceof FormArgument)) return stringify([arg]).slice(1, -1);
    part += 1;
    for (const [name, value] of Object.entries(arg.fields)) multipart[`_${part}_${name}`] = value;
    return JSON.stringify(`$K${part.toString(16)}`);
  });
  multipart["0"] = `[${root.join(",")}]`;
  return { headers: {}, multipart };
}

export async function callAction(
  context: APIRequestContext,
  page: string,
  actionId: string,
  args: unknown[],
  origin: string,
  stringify?: (args: unknown[]) => string,
): Promise<Answer> {
  const encoded = encodeArguments(args, stringify);
  const response = await context.post(page, {
    headers: { "next-action": actionId, accept: "text/x-component", origin, ...encoded.headers },
    data: encoded.data,
    multipart: encoded.multipart,
    maxRedirects: 0,
  });
  return answerOf(response);
}

/**
 * The action's outcome from its RSC answer: row 0 names the row of the action's result ("a":"$@1"); an ActionResult
 * there is ok or carries its code; a void action's result is "$undefined".
 */
export function actionOutcomeOf(answer: Answer): ActionOutcome | string {
  if (answer.status >= 300 && answer.status < 400) {
    const target = answer.location ? new URL(answer.location, "http://app.invalid").pathname : "";
    return target === "/logga-in" ? "sign-in" : `HTTP ${answer.status} to ${answer.location}`;
  }
  if (answer.actionRedirect) return "redirect";
  if (answer.status !== 200 || !answer.contentType.startsWith("text/x-component")) return `HTTP ${answer.status} ${answer.contentType}: ${answer.body.slice(0, 200)}`;
  const rows = new Map<string, string>();
  for (const line of answer.body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const root = JSON.parse(rows.get("0") ?? "{}") as { a?: string };
  const resultRow = typeof root.a === "string" && root.a.startsWith("$@") ? rows.get(root.a.slice(2)) : undefined;
  if (resultRow === undefined) return `no action result in ${answer.body.slice(0, 200)}`;
  const result = JSON.parse(resultRow) as unknown;
  if (result === "$undefined") return "ok";
  if (result && typeof result === "object" && "ok" in result) {
    const r = result as { ok: boolean; code?: string };
    return r.ok ? "ok" : (r.code ?? "no code");
  }
  return `unexpected result ${resultRow.slice(0, 200)}`;
}
