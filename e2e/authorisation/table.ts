import { SESSION_ENDED_PARAM } from "@/lib/auth/sign-in-params";
import type { ChangedRow } from "./digest";
import { applicationContact, currentVersions, type World } from "./world";

/*
 * The authorisation table: for every page, route handler and server action of the app, how to make a concrete request
 * with the test's own data (world.ts) and what each caller gets. e2e/authorisation.spec.ts fails for anything the app
 * serves that is missing here, and for an entry here the app no longer has (inventory.ts reads both from the source
 * and the build).
 *
 * Adding an entry: a page under its address pattern ("/omgangar/[roundId]"), a route handler under its method and
 * pattern ("GET /logg/export"), a server action under "file#export" as the failure message names it. Say which URL
 * to request (with ids of organisation A's data from the world) and the outcome for every caller; `staff(...)` and
 * `gate(...)` fill in the signed-out callers the way every staff page and authAction answers them.
 */

export const CALLERS = ["signedOut", "sessionEnded", "admin", "officer", "communications", "coordinatorA", "coordinatorB"] as const;
export type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, "signedOut" | "sessionEnded">;

/**
 * What a request gets: the page or file (200), the forbidden page (403), the not-found page (404), sent to sign-in
 * ("sign-in": a signed-out visitor to /logga-in?callbackUrl=<the page>, an ended session to
 * /logga-in?sessionen-slut=1), or a redirect elsewhere.
 */
export type HttpOutcome = 200 | 204 | 403 | 404 | "sign-in" | { redirect: string };

export type HttpCase = {
  /** The address to request, with the world's ids. */
  url: (w: World) => string;
  method?: "GET" | "POST";
  /** Headers or a body beyond the session cookie. */
  request?: (w: World) => { headers?: Record<string, string>; multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> };
  expect: Record<Caller, HttpOutcome>;
  /**
   * The response is meant to show A's private data to whoever holds the URL (a preview link's token is the reviewer's
   * key): the private-marker check is skipped for this case only.
   */
  capabilityUrl?: true;
};

/**
 * What a server action called directly gets. "sign-in": the proxy sent the request to sign-in and the action never
 * ran. "unauthenticated", "forbidden", "not_found", "domain": the ActionResult's code, for the forged arguments.
 * "invalid": the caller passed the session and permission check and the schema refused the (deliberately invalid)
 * arguments: allowed, and nothing written. "ok": allowed and done. "redirect": the action redirected (sign-out).
 */
export type ActionOutcome = "ok" | "invalid" | "unauthenticated" | "forbidden" | "not_found" | "domain" | "sign-in" | "redirect";

/** A FormData argument, for an action that takes a form's data (encoded as React's encodeReply does). */
export class FormArgument {
  constructor(readonly fields: Record<string, string>) {}
}

export type ActionCase = {
  /** Where to post it: a page whose bundle holds the action (the build's manifest says which; the test checks it). */
  page: (w: World) => string;
  /** Well-formed arguments, which the refused callers send forged (another organisation's ids, staff-only changes). */
  args: (w: World) => unknown[];
  /** What an allowed caller sends when the expected outcome is "invalid"; `[{}]` unless given. */
  invalidArgs?: (w: World) => unknown[];
  expect: Record<Caller, ActionOutcome>;
  /**
   * What a caller past the gate gets for arguments that are no form at all (none, a string): "invalid" unless given.
   * Never a 500: a forged call is bad input like any other.
   */
  junk?: ActionOutcome;
  /** Ends the caller's session when allowed: called last for each caller. */
  endsSession?: true;
  /**
   * For an "ok" call: what it must have done, as problems found (none: it did it). Without it an allowed call must
   * change nothing of the test's (a preview, a cookie).
   */
  verifyOk?: (w: World, args: unknown[], changes: ChangedRow[]) => string[];
};

/** A contact change really made, and audited. */
function contactChanged(w: World, args: unknown[], changes: ChangedRow[]): string[] {
  const input = args[0] as { applicationId: number; contactName: string };
  const problems: string[] = [];
  const stored = applicationContact(input.applicationId);
  if (stored.contactName !== input.contactName) problems.push(`the contact person is still ${JSON.stringify(stored)}`);
  const audited = changes.some((c) => c.table === "audit_events" && c.before === null && c.after?.action === "application.contact" && c.after?.entity_id === input.applicationId);
  if (!audited) problems.push("the change was not audited");
  return problems;
}

// ---------------------------------------------------------------- shorthands

const ALL = (outcome: HttpOutcome): Record<Caller, HttpOutcome> => Object.fromEntries(CALLERS.map((c) => [c, outcome])) as Record<Caller, HttpOutcome>;

/** A public page or file: the same for everyone, signed in or not. */
const everyone = ALL;

/** A staff page or route: both signed-out callers are sent to sign-in; each role as given. */
function staff(roles: Record<SignedIn, HttpOutcome>): Record<Caller, HttpOutcome> {
  return { signedOut: "sign-in", sessionEnded: "sign-in", ...roles };
}

/** 200 for the roles named, 403 for every other signed-in caller. */
function only(...allowed: SignedIn[]): Record<SignedIn, HttpOutcome> {
  const roles: SignedIn[] = ["admin", "officer", "communications", "coordinatorA", "coordinatorB"];
  return Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? 200 : 403])) as Record<SignedIn, HttpOutcome>;
}

/** An authAction: signed out never reaches it past the proxy, an ended session is unauthenticated; each role as given. */
function gate(roles: Record<SignedIn, ActionOutcome>): Record<Caller, ActionOutcome> {
  return { signedOut: "sign-in", sessionEnded: "unauthenticated", ...roles };
}

/** "invalid" (allowed past the gate) for the roles named, "forbidden" for the others. */
function permitted(...allowed: SignedIn[]): Record<SignedIn, ActionOutcome> {
  const roles: SignedIn[] = ["admin", "officer", "communications", "coordinatorA", "coordinatorB"];
  return Object.fromEntries(roles.map((r) => [r, allowed.includes(r) ? "invalid" : "forbidden"])) as Record<SignedIn, ActionOutcome>;
}

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

// ---------------------------------------------------------------- pages

export const PAGES: Record<string, HttpCase | HttpCase[]> = {
  // Public pages (app/(public)/[locale]/): the plain path is the Swedish page.
  "/[locale]/logga-in": {
    url: () => "/logga-in",
    // A signed-in visitor (the proxy reads the cookie, not the session row) is sent on to the start page.
    expect: { ...everyone({ redirect: "/" }), signedOut: 200 },
  },
  "/[locale]/tillganglighetsredogorelse": { url: () => "/tillganglighetsredogorelse", expect: everyone(200) },
  "/[locale]/status": { url: () => "/status", expect: everyone(200) },
  "/[locale]/nyheter": [
    { url: () => "/nyheter", expect: everyone(200) },
    { url: () => "/en/nyheter", expect: everyone(200) },
  ],
  "/[locale]/nyheter/[slug]": [
    { url: (w) => `/nyheter/${w.publicSlug}`, expect: everyone(200) },
    // The unpublished draft is no public release, for anyone.
    { url: (w) => `/nyheter/${w.draft.slug}`, expect: everyone(404) },
  ],
  "/[locale]/nyheter/amne/[topic]/[[...rest]]": { url: () => "/nyheter/amne/beviljade-medel", expect: everyone(200) },
  "/[locale]/nyheter/region/[region]/[[...rest]]": { url: () => "/nyheter/region/24", expect: everyone(200) },
  "/[locale]/nyheter/sida/[page]": [
    { url: () => "/nyheter/sida/1", expect: everyone(200) },
    { url: () => "/nyheter/sida/999", expect: everyone(404) },
  ],
  "/[locale]/beviljade/[round]/[[...sort]]": [
    { url: (w) => `/beviljade/${w.publicRoundId}`, expect: everyone(200) },
    // A's round has no public release: its grants list is not announced, for anyone.
    { url: (w) => `/beviljade/${w.roundId}`, expect: everyone(404) },
  ],
  "/[locale]/nyheter/prenumerera": [
    { url: () => "/nyheter/prenumerera", expect: everyone(200) },
    { url: () => "/en/nyheter/prenumerera?amne=utbildning&lan=24", expect: everyone(200) },
  ],
  // A link's page says whether the link works; an unknown token is the same page with its message, for everyone.
  "/[locale]/nyheter/prenumerera/bekrafta/[token]": { url: () => `/nyheter/prenumerera/bekrafta/${"x".repeat(43)}`, expect: everyone(200) },
  "/[locale]/nyheter/prenumerera/avsluta/[token]": { url: () => `/nyheter/prenumerera/avsluta/${"x".repeat(43)}`, expect: everyone(200) },
  // The password pages are public: a dead link is the same page with its one message, for everyone.
  "/[locale]/losenord/[token]": { url: () => `/losenord/${"x".repeat(43)}`, expect: everyone(200) },
  "/[locale]/glomt-losenord": [
    { url: () => "/glomt-losenord", expect: everyone(200) },
    { url: () => "/en/glomt-losenord", expect: everyone(200) },
  ],
  "/[locale]/forhandsvisning/[token]": [
    { url: (w) => `/forhandsvisning/${w.preview.token}`, expect: everyone(200), capabilityUrl: true },
    { url: (w) => `/forhandsvisning/${w.preview.token.slice(0, -2)}xx`, expect: everyone(404) },
  ],

  // Staff pages (app/(staff)/).
  "/": { url: () => "/", expect: staff(only("admin", "officer", "communications", "coordinatorA", "coordinatorB")) },
  "/konto": { url: () => "/konto", expect: staff(only("admin", "officer", "communications", "coordinatorA", "coordinatorB")) },
  "/konto/inloggad": { url: () => "/konto/inloggad", expect: staff(only("admin", "officer", "communications", "coordinatorA", "coordinatorB")) },
  "/ansokningar/[applicationId]": [
    // Another organisation's application answers exactly as a missing one.
    { url: (w) => `/ansokningar/${w.lead.id}`, expect: staff({ ...only("admin", "officer", "communications", "coordinatorA"), coordinatorB: 404 }) },
    { url: (w) => `/ansokningar/${w.joint.id}`, expect: staff({ ...only("admin", "officer", "communications", "coordinatorA"), coordinatorB: 404 }) },
    { url: () => "/ansokningar/999999999", expect: staff({ admin: 404, officer: 404, communications: 404, coordinatorA: 404, coordinatorB: 404 }) },
  ],
  // Editing needs application:write whatever the id: a coordinator gets 403 for every application.
  "/ansokningar/[applicationId]/redigera": { url: (w) => `/ansokningar/${w.lead.id}/redigera`, expect: staff(only("admin", "officer")) },
  "/logg": { url: () => "/logg", expect: staff(only("admin")) },
  "/anvandare": { url: () => "/anvandare", expect: staff(only("admin")) },
  "/anvandare/ny": { url: () => "/anvandare/ny", expect: staff(only("admin")) },
  "/anvandare/[userId]": [
    { url: (w) => `/anvandare/${w.accounts.coordinatorA.id}`, expect: staff(only("admin")) },
    { url: () => "/anvandare/999999999", expect: staff({ admin: 404, officer: 403, communications: 403, coordinatorA: 403, coordinatorB: 403 }) },
  ],
  "/omgangar/ny": { url: () => "/omgangar/ny", expect: staff(only("admin", "officer")) },
  "/omgangar/[roundId]": { url: (w) => `/omgangar/${w.roundId}`, expect: staff(only("admin", "officer", "communications")) },
  "/omgangar/[roundId]/beslutsmote": { url: (w) => `/omgangar/${w.roundId}/beslutsmote`, expect: staff(only("admin", "officer")) },
  "/omgangar/[roundId]/import": { url: (w) => `/omgangar/${w.roundId}/import`, expect: staff(only("admin", "officer")) },
  "/omgangar/[roundId]/ny-ansokan": { url: (w) => `/omgangar/${w.roundId}/ny-ansokan`, expect: staff(only("admin", "officer")) },
  "/omgangar/[roundId]/redigera": { url: (w) => `/omgangar/${w.roundId}/redigera`, expect: staff(only("admin", "officer")) },
  "/organisationer": { url: () => "/organisationer", expect: staff(only("admin", "officer")) },
  "/organisationer/[organisationId]/redigera": { url: (w) => `/organisationer/${w.orgA.id}/redigera`, expect: staff(only("admin", "officer")) },
  "/organisationer/[organisationId]/sla-ihop": { url: (w) => `/organisationer/${w.orgA.id}/sla-ihop`, expect: staff(only("admin")) },
  "/personuppgifter": { url: (w) => `/personuppgifter?sok=${encodeURIComponent(w.lead.contactEmail)}`, expect: staff(only("admin")) },
  "/press": { url: () => "/press", expect: staff(only("admin", "officer", "communications")) },
  "/press/ny": { url: () => "/press/ny", expect: staff(only("admin", "communications")) },
  "/press/[releaseId]": { url: (w) => `/press/${w.draft.id}`, expect: staff(only("admin", "officer", "communications")) },
  "/press/mallar": { url: () => "/press/mallar", expect: staff(only("admin", "communications")) },
  "/press/mallar/[key]": { url: (w) => `/press/mallar/${w.template.key}`, expect: staff(only("admin", "communications")) },
  "/press/mallar/[key]/versioner/[version]": { url: (w) => `/press/mallar/${w.template.key}/versioner/1`, expect: staff(only("admin", "communications")) },
};

// ---------------------------------------------------------------- route handlers and metadata routes

function importFile(): { name: string; mimeType: string; buffer: Buffer } {
  return { name: "tom.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFFprojekttitel;sökt belopp\r\n", "utf8") };
}

export const ROUTES: Record<string, HttpCase | HttpCase[]> = {
  "GET /[locale]/beviljade/[round]/data.csv": [
    { url: (w) => `/beviljade/${w.publicRoundId}/data.csv`, expect: everyone(200) },
    { url: (w) => `/beviljade/${w.roundId}/data.csv`, expect: everyone(404) },
  ],
  "GET /[locale]/beviljade/[round]/data.json": [
    { url: (w) => `/beviljade/${w.publicRoundId}/data.json`, expect: everyone(200) },
    { url: (w) => `/beviljade/${w.roundId}/data.json`, expect: everyone(404) },
  ],
  "GET /[locale]/nyheter/feed.xml": { url: () => "/nyheter/feed.xml", expect: everyone(200) },
  "GET /[locale]/nyheter/atom.xml": { url: () => "/nyheter/atom.xml", expect: everyone(200) },
  "GET /[locale]/nyheter/feed/[...filter]": { url: () => "/nyheter/feed/amne/beviljade-medel.xml", expect: everyone(200) },
  "GET /sitemap.xml": { url: () => "/sitemap.xml", expect: everyone(200) },
  "GET /robots.txt": { url: () => "/robots.txt", expect: everyone(200) },
  "GET /icon.svg": { url: () => "/icon.svg", expect: everyone(200) },
  // next-auth's own endpoints: the session answers everyone (with their own session or none).
  "GET /api/auth/[...nextauth]": { url: () => "/api/auth/session", expect: everyone(200) },
  // A post from another origin is refused before next-auth sees it (lib/auth/route-handlers.ts).
  "POST /api/auth/[...nextauth]": {
    url: () => "/api/auth/signout",
    method: "POST",
    request: () => ({ headers: { origin: "http://annan-webbplats.example" } }),
    expect: everyone(403),
  },
  // Only the scheduler's own secret opens it; anyone else gets a missing page.
  "POST /api/newsroom/revalidate": { url: () => "/api/newsroom/revalidate", method: "POST", expect: everyone(404) },

  // One-click unsubscribe (RFC 8058): the token is the key; an unknown one answers the same, and opening it in a
  // browser leads to the page with a button.
  "POST /api/newsroom/unsubscribe/[token]": { url: () => `/api/newsroom/unsubscribe/${"x".repeat(43)}`, method: "POST", expect: everyone(204) },
  "GET /api/newsroom/unsubscribe/[token]": {
    url: () => `/api/newsroom/unsubscribe/${"x".repeat(43)}`,
    expect: everyone({ redirect: `/nyheter/prenumerera/avsluta/${"x".repeat(43)}` }),
  },

  "GET /ansokningar/[applicationId]/beslutsbrev": [
    { url: (w) => `/ansokningar/${w.lead.id}/beslutsbrev?format=pdf`, expect: staff({ ...only("admin", "officer", "communications", "coordinatorA"), coordinatorB: 404 }) },
    // No decision yet: no letter, for anyone.
    { url: (w) => `/ansokningar/${w.joint.id}/beslutsbrev?format=pdf`, expect: staff({ admin: 404, officer: 404, communications: 404, coordinatorA: 404, coordinatorB: 404 }) },
  ],
  "GET /logg/export": { url: () => "/logg/export", expect: staff(only("admin")) },
  "GET /personuppgifter/export": { url: (w) => `/personuppgifter/export?sok=${encodeURIComponent(w.lead.contactEmail)}`, expect: staff(only("admin")) },
  "GET /omgangar/[roundId]/export": { url: (w) => `/omgangar/${w.roundId}/export?format=csv`, expect: staff(only("admin", "officer", "communications")) },
  "GET /omgangar/[roundId]/import/mall": [
    { url: (w) => `/omgangar/${w.roundId}/import/mall`, expect: staff(only("admin", "officer")) },
    // A round that does not exist has no import file, as it has no import page.
    { url: () => "/omgangar/999999999/import/mall", expect: staff({ admin: 404, officer: 404, communications: 403, coordinatorA: 403, coordinatorB: 403 }) },
  ],
  // A check of a file ("preview") writes nothing, so the allowed callers really run it.
  "POST /omgangar/[roundId]/import/run": [
    {
      url: (w) => `/omgangar/${w.roundId}/import/run`,
      method: "POST",
      request: () => ({ multipart: { mode: "preview", allOrNothing: "false", file: importFile() } }),
      expect: staff(only("admin", "officer")),
    },
    {
      url: (w) => `/omgangar/${w.roundId}/import/run`,
      method: "POST",
      request: () => ({ headers: { origin: "http://annan-webbplats.example" }, multipart: { mode: "preview", allOrNothing: "false", file: importFile() } }),
      // From another origin: refused before the session is read, for everyone past the proxy.
      expect: { ...everyone(403), signedOut: "sign-in" },
    },
  ],
  "GET /press/[releaseId]/export": { url: (w) => `/press/${w.draft.id}/export?format=md`, expect: staff(only("admin", "communications")) },
};

// ---------------------------------------------------------------- server actions

const application = (w: World) => `/ansokningar/${w.lead.id}`;

export const ACTIONS: Record<string, ActionCase | ActionCase[]> = {
  "app/(public)/[locale]/logga-in/actions.ts#signInAction": {
    // With the ended-session parameter the proxy lets a signed-in visitor reach the sign-in page too.
    page: () => `/logga-in?${SESSION_ENDED_PARAM}=1`,
    args: (w) => [{ email: "inte-en-adress", password: "", locale: "sv", callbackUrl: `/ansokningar/${w.lead.id}` }],
    invalidArgs: (w) => [{ email: "inte-en-adress", password: "", locale: "sv", callbackUrl: `/ansokningar/${w.lead.id}` }],
    // Public by nature: everyone reaches it, and the schema refuses an address that is none (no throttle row either).
    expect: Object.fromEntries(CALLERS.map((c) => [c, "invalid"])) as Record<Caller, ActionOutcome>,
  },
  "app/(public)/[locale]/logga-in/actions.ts#signInFormAction": {
    // The sign-in form's action without JavaScript: the same sign-in, from a form's fields.
    page: () => `/logga-in?${SESSION_ENDED_PARAM}=1`,
    args: () => [null, new FormArgument({ email: "inte-en-adress", password: "", locale: "sv" })],
    invalidArgs: () => [null, new FormArgument({ email: "inte-en-adress", password: "", locale: "sv" })],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "invalid"])) as Record<Caller, ActionOutcome>,
  },
  "app/actions.ts#setLocaleAction": {
    page: () => "/nyheter",
    args: () => [new FormArgument({ locale: "sv" })],
    // Only the visitor's own cookie: open to everyone, on any page. Anything but a form is ignored.
    expect: Object.fromEntries(CALLERS.map((c) => [c, "ok"])) as Record<Caller, ActionOutcome>,
    junk: "ok",
  },
  "app/actions.ts#signOutAction": {
    page: () => "/nyheter",
    args: () => [],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "redirect"])) as Record<Caller, ActionOutcome>,
    endsSession: true,
  },

  // The newsroom's subscriptions are public by nature: the schema refuses no address; a link's token is its only key.
  "app/(public)/[locale]/nyheter/prenumerera/actions.ts#subscribeAction": {
    page: () => "/nyheter/prenumerera",
    args: () => [{ email: "inte-en-adress", locale: "sv" }],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "invalid"])) as Record<Caller, ActionOutcome>,
  },
  "app/(public)/[locale]/nyheter/prenumerera/actions.ts#confirmSubscriptionAction": {
    page: () => `/nyheter/prenumerera/bekrafta/${"x".repeat(43)}`,
    args: () => [{ token: "x".repeat(43), locale: "sv" }],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "ok"])) as Record<Caller, ActionOutcome>,
    junk: "ok",
  },
  "app/(public)/[locale]/nyheter/prenumerera/actions.ts#unsubscribeAction": {
    page: () => `/nyheter/prenumerera/avsluta/${"x".repeat(43)}`,
    args: () => [{ token: "x".repeat(43) }],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "ok"])) as Record<Caller, ActionOutcome>,
    junk: "ok",
  },

  // The password links' pages: public, the link's token is the credential; the schema refuses an empty password.
  "app/(public)/[locale]/losenord/[token]/actions.ts#setPasswordAction": {
    page: () => `/losenord/${"x".repeat(43)}`,
    args: () => [{ token: "x".repeat(43), password: "", confirmPassword: "", locale: "sv" }],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "invalid"])) as Record<Caller, ActionOutcome>,
  },
  "app/(public)/[locale]/glomt-losenord/actions.ts#forgotPasswordAction": {
    page: () => "/glomt-losenord",
    args: () => [{ email: "inte-en-adress", locale: "sv" }],
    expect: Object.fromEntries(CALLERS.map((c) => [c, "invalid"])) as Record<Caller, ActionOutcome>,
  },

  // User administration: admins only. A coordinator forging a change to an account (theirs or another's) is refused.
  "app/(staff)/anvandare/actions.ts#inviteUserAction": {
    page: () => "/anvandare/ny",
    args: (w) => [{ name: w.forgedMarker, email: "forfalskad@b.example", role: "admin", organisationId: "" }],
    expect: gate(permitted("admin")),
  },
  "app/(staff)/anvandare/actions.ts#updateUserAction": {
    page: (w) => `/anvandare/${w.accounts.coordinatorA.id}`,
    args: (w) => [{ userId: w.accounts.coordinatorA.id, version: 1, name: w.forgedMarker, role: "admin", organisationId: "" }],
    expect: gate(permitted("admin")),
  },
  "app/(staff)/anvandare/actions.ts#setUserDisabledAction": {
    page: (w) => `/anvandare/${w.accounts.coordinatorA.id}`,
    args: (w) => [{ userId: w.accounts.coordinatorA.id, version: 1, disabled: true }],
    expect: gate(permitted("admin")),
  },
  "app/(staff)/anvandare/actions.ts#sendPasswordLinkAction": {
    page: (w) => `/anvandare/${w.accounts.coordinatorA.id}`,
    args: (w) => [{ userId: w.accounts.coordinatorA.id }],
    expect: gate(permitted("admin")),
  },
  "app/(staff)/anvandare/actions.ts#revokePasswordLinksAction": {
    page: (w) => `/anvandare/${w.accounts.coordinatorA.id}`,
    args: (w) => [{ userId: w.accounts.coordinatorA.id }],
    expect: gate(permitted("admin")),
  },

  "app/(staff)/konto/actions.ts#changePasswordAction": {
    page: () => "/konto",
    // Only ever the caller's own password: nothing to forge but the session itself.
    args: () => [{ currentPassword: "fel-lösenord-123", newPassword: "Förfalskat nytt lösenord 2026", confirmPassword: "Förfalskat nytt lösenord 2026" }],
    expect: gate(permitted("admin", "officer", "communications", "coordinatorA", "coordinatorB")),
  },

  "app/(staff)/ansokningar/[applicationId]/contact-actions.ts#updateContactAction": [
    {
      page: application,
      args: (w) => [
        { applicationId: w.lead.id, version: currentVersions(w).lead, contactName: w.forgedMarker, contactTitle: "", contactPhone: "", contactEmail: "forfalskat@b.example" },
      ],
      // A's coordinator really changes it (the known-good call); B's forged call with A's id is not found.
      expect: gate({ admin: "forbidden", officer: "forbidden", communications: "forbidden", coordinatorA: "ok", coordinatorB: "not_found" }),
      verifyOk: contactChanged,
    },
    {
      // The same for the application A takes part in as co-applicant.
      page: application,
      args: (w) => [
        { applicationId: w.joint.id, version: currentVersions(w).joint, contactName: w.forgedMarker, contactTitle: "", contactPhone: "", contactEmail: "forfalskat@b.example" },
      ],
      expect: gate({ admin: "forbidden", officer: "forbidden", communications: "forbidden", coordinatorA: "ok", coordinatorB: "not_found" }),
      verifyOk: contactChanged,
    },
  ],
  "app/(staff)/ansokningar/[applicationId]/decision-actions.ts#recordDecisionAction": {
    page: application,
    args: (w) => [{ applicationId: w.joint.id, outcome: "approved", grantedAmount: 100_000, motivation: w.forgedMarker, decidedOn: today() }],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/ansokningar/[applicationId]/decision-actions.ts#changeDecisionAction": {
    page: application,
    args: (w) => [
      {
        applicationId: w.lead.id,
        outcome: "approved",
        grantedAmount: 5_000_000,
        confirmOverRequest: true,
        motivation: w.forgedMarker,
        decidedOn: today(),
        expectedVersion: currentVersions(w).leadDecision,
        reason: w.forgedMarker,
      },
    ],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/ansokningar/[applicationId]/decision-actions.ts#withdrawDecisionAction": {
    page: application,
    args: (w) => [{ applicationId: w.lead.id, reason: w.forgedMarker, expectedVersion: currentVersions(w).leadDecision }],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/ansokningar/actions.ts#registerApplicationAction": {
    page: (w) => `/omgangar/${w.roundId}/ny-ansokan`,
    args: (w) => [{ roundId: w.roundId, leadOrganisation: { name: w.orgA.name }, projectTitle: w.forgedMarker, requestedAmount: 100_000 }],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/ansokningar/actions.ts#updateApplicationAction": {
    page: (w) => `/ansokningar/${w.lead.id}/redigera`,
    args: (w) => [
      { applicationId: w.lead.id, version: currentVersions(w).lead, leadOrganisation: { name: w.orgA.name }, projectTitle: w.forgedMarker, requestedAmount: 5_000_000 },
    ],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/omgangar/[roundId]/beslutsmote/actions.ts#recordMeetingDecisionsAction": {
    page: (w) => `/omgangar/${w.roundId}/beslutsmote`,
    args: (w) => [
      { roundId: w.roundId, decidedOn: today(), rows: [{ applicationId: w.joint.id, outcome: "approved", grantedAmount: 100_000, motivation: w.forgedMarker }] },
    ],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/omgangar/[roundId]/redigera/actions.ts#updateRoundAction": {
    page: (w) => `/omgangar/${w.roundId}/redigera`,
    args: (w) => [
      { roundId: w.roundId, version: currentVersions(w).round, programmeId: w.programmeId, ordinal: 1, year: 2026, budget: 1, criteria: w.forgedMarker },
    ],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/omgangar/[roundId]/redigera/actions.ts#setRoundStatusAction": {
    page: (w) => `/omgangar/${w.roundId}/redigera`,
    args: (w) => [{ roundId: w.roundId, status: "closed", version: currentVersions(w).round }],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/omgangar/ny/actions.ts#createRoundAction": {
    page: () => "/omgangar/ny",
    args: (w) => [{ programmeId: w.programmeId, ordinal: 2, year: 2027, budget: 1_000_000, criteria: w.forgedMarker }],
    expect: gate(permitted("admin", "officer")),
  },
  "app/(staff)/organisationer/actions.ts#updateOrganisationAction": {
    page: (w) => `/organisationer/${w.orgA.id}/redigera`,
    args: (w) => [{ organisationId: w.orgA.id, version: currentVersions(w).orgA, name: w.forgedMarker, shortName: "Förfalskad", kind: "annan" }],
    expect: gate(permitted("admin", "officer")),
  },

  "app/(staff)/organisationer/actions.ts#mergeOrganisationsAction": {
    page: (w) => `/organisationer/${w.orgA.id}/sla-ihop`,
    args: (w) => [{ keptId: w.orgA.id, duplicateId: w.orgB.id, keptVersion: 0, duplicateVersion: 0, leadCount: 1, coApplicationCount: 0, userCount: 1 }],
    expect: gate(permitted("admin")),
  },
  "app/(staff)/personuppgifter/actions.ts#erasePersonalDataAction": {
    page: () => "/personuppgifter",
    args: (w) => [{ term: w.lead.contactEmail, userCount: 0, contactCount: 1, confirmed: true }],
    expect: gate(permitted("admin")),
  },

  "app/(staff)/press/actions.ts#generateReleaseAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ templateId: w.template.id, targetKind: "round", roundId: w.roundId }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/actions.ts#saveReleaseAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [
      {
        releaseId: w.draft.id,
        version: currentVersions(w).draft,
        headline: w.forgedMarker,
        ingress: "",
        body: "",
        quotes: [],
        contacts: "",
        boilerplate: "",
        topics: [],
        regionCode: "",
      },
    ],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/actions.ts#releaseStepAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, version: currentVersions(w).draft, step: "publish", comment: w.forgedMarker }],
    // The gate lets every press role in; publishing is the step's own permission, which an officer lacks.
    expect: gate({ admin: "invalid", officer: "domain", communications: "invalid", coordinatorA: "forbidden", coordinatorB: "forbidden" }),
  },
  "app/(staff)/press/actions.ts#acceptFactsAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, version: currentVersions(w).draft, accepted: [] }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/actions.ts#regenerateReleaseAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, version: currentVersions(w).draft }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/actions.ts#commentAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, body: w.forgedMarker }],
    expect: gate(permitted("admin", "officer", "communications")),
  },
  "app/(staff)/press/actions.ts#createPreviewLinkAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, label: w.forgedMarker, days: 30 }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/actions.ts#revokePreviewLinkAction": {
    page: (w) => `/press/${w.draft.id}`,
    args: (w) => [{ releaseId: w.draft.id, linkId: w.preview.id }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/mallar/actions.ts#saveTemplateAction": {
    page: (w) => `/press/mallar/${w.template.key}`,
    args: (w) => [{ templateId: w.template.id, version: currentVersions(w).template, name: w.forgedMarker, source: w.forgedMarker }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/mallar/actions.ts#restoreTemplateAction": {
    page: (w) => `/press/mallar/${w.template.key}/versioner/1`,
    args: (w) => [{ templateId: w.template.id, version: currentVersions(w).template, restoreVersion: 1 }],
    expect: gate(permitted("admin", "communications")),
  },
  "app/(staff)/press/mallar/actions.ts#previewTemplateAction": {
    page: (w) => `/press/mallar/${w.template.key}`,
    // Reads only: communications really renders A's round (the second known-good call).
    args: (w) => [{ templateId: w.template.id, source: "{{ omgang.namn }}", roundId: w.roundId }],
    expect: gate({ admin: "invalid", officer: "forbidden", communications: "ok", coordinatorA: "forbidden", coordinatorB: "forbidden" }),
  },
};
