import { expect, test, type APIRequestContext } from "@playwright/test";
import { DatabaseDigest, type ChangedRow, type Snapshot } from "./authorisation/digest";
import { actionOutcomeOf, callAction, callerContext, httpOutcomeOf, request, signIn, type Answer } from "./authorisation/http";
import { builtActions, builtRoutes, scanSource, type BuiltAction } from "./authorisation/inventory";
import { ACTIONS, CALLERS, PAGES, ROUTES, type ActionCase, type ActionOutcome, type Caller, type HttpCase } from "./authorisation/table";
import { createWorld, type World } from "./authorisation/world";

/*
 * The authorisation test (issue 13): every page, route handler and server action the app has (read from its source
 * and checked against the build, e2e/authorisation/inventory.ts) is requested by every kind of caller, and each answer
 * is exactly what the table says (e2e/authorisation/table.ts): allowed, 403, 404 or sent to sign-in. No answer to
 * another organisation's coordinator or to a signed-out visitor holds organisation A's private data, and server
 * actions are called directly with forged arguments, the way an attacker would, with the database unchanged after
 * every refused call (e2e/authorisation/digest.ts).
 *
 * Plain HTTP through API request contexts, no browser page (so no axe: nothing is rendered in a browser here).
 */

test.describe.configure({ mode: "default" });

/** The callers whose answers must hold none of A's private data. */
const OUTSIDERS: readonly Caller[] = ["signedOut", "sessionEnded", "coordinatorB"];
/** What an attacker might send instead of a form: nothing, a string, a list. */
const JUNK_ARGUMENTS: unknown[][] = [[], ["junk"], [[1, 2]]];
const GATE_REFUSALS: readonly ActionOutcome[] = ["sign-in", "unauthenticated", "forbidden"];
const REFUSALS: readonly ActionOutcome[] = ["unauthenticated", "forbidden", "not_found", "domain", "sign-in", "invalid"];

let world: World;
let origin: string;
const contexts = new Map<Caller, APIRequestContext>();
let digest: DatabaseDigest;
let baseline: Snapshot;
let actionIds: Map<string, BuiltAction>;

function cases(entry: HttpCase | HttpCase[]): HttpCase[] {
  return Array.isArray(entry) ? entry : [entry];
}

function actionCases(entry: ActionCase | ActionCase[]): ActionCase[] {
  return Array.isArray(entry) ? entry : [entry];
}

function leaks(body: string): string[] {
  return world.privateMarkers.filter((marker) => body.includes(marker));
}

/** "/[locale]/nyheter/[slug]" matches "/nyheter/x" and "/en/nyheter/x"; "[[...rest]]" matches nothing or more. */
function matchesPattern(pattern: string, url: string): boolean {
  const path = new URL(url, "http://app.invalid").pathname;
  const source = pattern
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      if (segment === "[locale]") return "(?:/(?:sv|en))?";
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.+)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    })
    .join("");
  return new RegExp(`^${source || "/"}$`).test(path);
}

test.beforeAll(async ({ baseURL }) => {
  origin = baseURL!;
  world = await createWorld();
  const { accounts } = world;
  contexts.set("signedOut", await callerContext(origin));
  const signedIn: [Caller, { email: string; password: string }][] = [
    ["admin", accounts.admin],
    ["officer", accounts.officer],
    ["communications", accounts.communications],
    ["coordinatorA", accounts.coordinatorA],
    ["coordinatorB", accounts.coordinatorB],
    ["sessionEnded", accounts.ended],
  ];
  for (const [caller, account] of signedIn) {
    const context = await callerContext(origin);
    await signIn(context, account.email, account.password);
    contexts.set(caller, context);
  }
  actionIds = new Map(builtActions().map((a) => [a.key, a]));
  // The ended session: signed out through the sign-out action itself (a known-good call), its cookie kept, as a copy
  // of it would be. The proxy still reads the cookie as a session; the server knows it is over.
  const ended = contexts.get("sessionEnded")!;
  const { cookies } = await ended.storageState();
  const signOut = actionIds.get("app/actions.ts#signOutAction")!;
  const answer = await callAction(ended, "/nyheter", signOut.id, [], origin);
  expect(actionOutcomeOf(answer), "signing the ended session out").toBe("redirect");
  await ended.dispose();
  const replay = await callerContext(origin);
  await replay.addCookies(cookies.filter((c) => c.name === "authjs.session-token"));
  contexts.set("sessionEnded", replay);

  digest = new DatabaseDigest(
    process.env.E2E_DATABASE_PATH!,
    {
      organisations: [world.orgA.id, world.orgB.id],
      users: Object.values(accounts).map((a) => a.id),
      programmes: [world.programmeId],
      rounds: [world.roundId],
      applications: [world.lead.id, world.joint.id, world.ofB.id],
      press_releases: [world.draft.id],
      press_preview_links: [world.preview.id],
    },
    world.forgedMarker,
  );
  baseline = digest.snapshot();
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
  digest?.close();
});

test("the table names every page, route handler and server action of the app, and nothing the app does not have", () => {
  const source = scanSource();
  const problems: string[] = [];
  const table = "e2e/authorisation/table.ts";

  const pageKeys = new Set(Object.keys(PAGES));
  for (const page of source.pages) if (!pageKeys.has(page.pattern)) problems.push(`${page.file}: the page "${page.pattern}" has no entry in PAGES of ${table}`);
  const pagePatterns = new Set(source.pages.map((p) => p.pattern));
  for (const key of pageKeys) if (!pagePatterns.has(key)) problems.push(`PAGES["${key}"] in ${table}: the app has no such page (app/**/page.tsx)`);

  const routeKeys = new Set(Object.keys(ROUTES));
  for (const route of source.routes) if (!routeKeys.has(route.key)) problems.push(`${route.file}: "${route.key}" has no entry in ROUTES of ${table}`);
  const routeSet = new Set(source.routes.map((r) => r.key));
  for (const key of routeKeys) if (!routeSet.has(key)) problems.push(`ROUTES["${key}"] in ${table}: the app has no such route handler or method`);

  const actionKeys = new Set(Object.keys(ACTIONS));
  for (const action of source.actions) if (!actionKeys.has(action.key)) problems.push(`${action.file}: the server action "${action.exportName}" has no entry "${action.key}" in ACTIONS of ${table}`);
  const sourceActions = new Set(source.actions.map((a) => a.key));
  for (const key of actionKeys) if (!sourceActions.has(key)) problems.push(`ACTIONS["${key}"] in ${table}: no "use server" file exports it`);

  // The build must be of this source: the same pages, route files and actions.
  const built = builtRoutes();
  const sourceRoutePatterns = [...new Set(source.routes.map((r) => r.pattern))].sort();
  for (const p of built.pages) if (!pagePatterns.has(p)) problems.push(`the build has a page "${p}" the source scan did not find (rebuild, or teach inventory.ts)`);
  for (const p of pagePatterns) if (!built.pages.includes(p)) problems.push(`the page "${p}" is not in the build: run npx next build`);
  for (const p of built.routes) if (!sourceRoutePatterns.includes(p)) problems.push(`the build has a route "${p}" the source scan did not find (rebuild, or teach inventory.ts)`);
  for (const p of sourceRoutePatterns) if (!built.routes.includes(p)) problems.push(`the route "${p}" is not in the build: run npx next build`);
  for (const key of actionIds.keys()) {
    if (!sourceActions.has(key)) problems.push(`the build has a server action "${key}" the source scan did not find (an inline "use server" function?): give it an entry in ACTIONS of ${table} and teach inventory.ts`);
  }
  for (const key of sourceActions) if (!actionIds.has(key)) problems.push(`the server action "${key}" is not in the build: run npx next build`);

  // Each action is posted to a page whose bundle holds it, so it runs there rather than being forwarded.
  for (const [key, entry] of Object.entries(ACTIONS).flatMap(([k, e]) => actionCases(e).map((c) => [k, c] as const))) {
    const built = actionIds.get(key);
    if (!built) continue;
    const page = entry.page(world);
    if (!built.workers.some((pattern) => matchesPattern(pattern, page))) {
      problems.push(`ACTIONS["${key}"].page "${page}" is not one of the pages that hold the action: ${built.workers.join(", ")}`);
    }
  }

  expect(problems).toEqual([]);
});

for (const caller of CALLERS) {
  test(`${caller}: every page and route handler answers as the table says, and no answer to an outsider holds A's data`, async () => {
    const context = contexts.get(caller)!;
    const failures: string[] = [];
    const entries = [...Object.entries(PAGES), ...Object.entries(ROUTES)].flatMap(([key, entry]) => cases(entry).map((c) => [key, c] as const));
    const answers = new Map<string, Answer>();
    // A few at a time: the server is one process on a small machine.
    for (let i = 0; i < entries.length; i += 4) {
      await Promise.all(
        entries.slice(i, i + 4).map(async ([key, entry]) => {
          const url = entry.url(world);
          const answer = await request(context, world, entry, origin);
          answers.set(url, answer);
          const outcome = httpOutcomeOf(answer, url, caller === "signedOut");
          const expected = entry.expect[caller];
          if (JSON.stringify(outcome) !== JSON.stringify(expected)) {
            failures.push(`${key}: ${entry.method ?? "GET"} ${url} gave ${JSON.stringify(outcome)}, expected ${JSON.stringify(expected)}`);
          }
          if (OUTSIDERS.includes(caller) && !entry.capabilityUrl) {
            const leaked = leaks(answer.body);
            if (leaked.length > 0) failures.push(`${key}: ${url} showed ${caller} A's private data: ${leaked.join(", ")}`);
            // The client router's request for the same page (its RSC payload) holds nothing either.
            if (PAGES[key] && entry.method !== "POST") {
              const flight = await request(context, world, { ...entry, request: () => ({ headers: { rsc: "1" } }) }, origin);
              const leakedInFlight = leaks(flight.body);
              if (leakedInFlight.length > 0) failures.push(`${key}: ${url} (RSC) showed ${caller} A's private data: ${leakedInFlight.join(", ")}`);
            }
          }
        }),
      );
    }
    expect(failures).toEqual([]);

    // The markers are real: those allowed to read A's application see them, so their absence above means something.
    if (caller === "coordinatorA" || caller === "officer") {
      const page = answers.get(`/ansokningar/${world.lead.id}`)!.body;
      expect(page).toContain(world.lead.projectTitle);
      expect(page).toContain(world.lead.registrationNumber);
      expect(answers.get(`/ansokningar/${world.joint.id}`)!.body).toContain(world.joint.projectTitle);
    }
    if (caller === "communications") expect(answers.get(`/press/${world.draft.id}`)!.body).toContain(world.draft.headline);
  });
}

function describeChanges(changes: ChangedRow[]): string {
  return changes.map((c) => `${c.table}[${c.key}]: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`).join("; ");
}

for (const caller of CALLERS) {
  test(`${caller}: every server action called directly answers as the table says, and a refused call changes nothing`, async () => {
    const context = contexts.get(caller)!;
    const failures: string[] = [];
    // Sign-out last: it ends the caller's session.
    const entries = Object.entries(ACTIONS)
      .flatMap(([key, entry]) => actionCases(entry).map((c) => [key, c] as const))
      .sort(([, a], [, b]) => Number(!!a.endsSession) - Number(!!b.endsSession));
    for (const [key, entry] of entries) {
      const expected = entry.expect[caller];
      const built = actionIds.get(key);
      if (!built) {
        failures.push(`${key}: not in the build`);
        continue;
      }
      const args = expected === "invalid" ? (entry.invalidArgs?.(world) ?? [{}]) : entry.args(world);
      const page = entry.page(world);
      const answer = await callAction(context, page, built.id, args, origin);
      const after = digest.snapshot();
      const outcome = actionOutcomeOf(answer);
      if (outcome !== expected) failures.push(`${key} (posted to ${page} with ${JSON.stringify(args)}) gave ${outcome}, expected ${expected}`);
      const changes = digest.ownChanges(baseline, after);
      if (REFUSALS.includes(expected) && changes.length > 0) failures.push(`${key}: refused for ${caller}, yet the database changed: ${describeChanges(changes)}`);
      if (expected === "ok") {
        const problems = entry.verifyOk ? entry.verifyOk(world, args, changes) : changes.length > 0 ? [`it changed the database: ${describeChanges(changes)}`] : [];
        for (const problem of problems) failures.push(`${key}, allowed for ${caller}: ${problem}`);
      }
      baseline = after;
      if (OUTSIDERS.includes(caller)) {
        const leaked = leaks(answer.body);
        if (leaked.length > 0) failures.push(`${key}: the answer showed ${caller} A's private data: ${leaked.join(", ")}`);
      }

      // Signed out, the same call through a public page, which the proxy lets through: Next forwards it to a page that
      // holds the action, the proxy sends that request to sign-in, and Next answers the forwarding's empty "{}"
      // (action-handler.js, createForwardedActionResponse). The action never runs.
      if (caller === "signedOut" && expected === "sign-in") {
        const detour = await callAction(context, "/nyheter", built.id, args, origin);
        const detourAfter = digest.snapshot();
        if (detour.status !== 200 || detour.body !== "{}") {
          failures.push(`${key} posted signed out to /nyheter gave ${detour.status} ${detour.body.slice(0, 200)}, expected the forwarding's empty {}`);
        }
        const detourChanges = digest.ownChanges(baseline, detourAfter);
        if (detourChanges.length > 0) failures.push(`${key} posted signed out to /nyheter: the database changed: ${describeChanges(detourChanges)}`);
        if (leaks(detour.body).length > 0) failures.push(`${key} posted signed out to /nyheter showed A's private data: ${leaks(detour.body).join(", ")}`);
        baseline = detourAfter;
      }

      // Past the gate, arguments that are no form at all are refused as cleanly (never a 500), and nothing is written.
      // (A caller the gate turns away gets the same refusal whatever the arguments: it never reads them.)
      if (entry.endsSession || GATE_REFUSALS.includes(expected)) continue;
      const junkExpected = entry.junk ?? "invalid";
      for (const junk of JUNK_ARGUMENTS) {
        const junkOutcome = actionOutcomeOf(await callAction(context, page, built.id, junk, origin));
        if (junkOutcome !== junkExpected) failures.push(`${key} with the arguments ${JSON.stringify(junk)} gave ${junkOutcome}, expected ${junkExpected}`);
      }
      const junkAfter = digest.snapshot();
      const junkChanges = digest.ownChanges(baseline, junkAfter);
      if (junkChanges.length > 0) failures.push(`${key} with arguments that are no form: the database changed: ${describeChanges(junkChanges)}`);
      baseline = junkAfter;
    }
    expect(failures).toEqual([]);
  });
}

