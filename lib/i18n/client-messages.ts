import "server-only";
import { getMessages } from "next-intl/server";
import { CLIENT_NAMESPACES, pickMessages, type ClientMessagesGroup } from "./client-namespaces";

/*
 * What a layout's <NextIntlClientProvider> hands to the browser. Without a `messages` prop next-intl passes every
 * message (about 80 KB a language) into the RSC payload of every page under the layout, even a page whose client
 * components translate nothing: that was most of the weight of the signed-in floor page (issue 14). Only client
 * components need messages there; server components translate on the server. So each layout passes the top-level
 * namespaces that the client modules rendered under it use (lib/i18n/client-namespaces.ts), and nothing else.
 *
 * The lists are kept by a test, lib/i18n/client-messages.test.ts: it follows the imports from every file of the route
 * group, finds the modules that run in the browser ("use client" and what they import) and their
 * useTranslations("namespace") calls, and fails when a namespace is missing here or listed without a use. Validation
 * messages and refusals are not among them: lib/i18n/validation.ts imports its own catalogues.
 */

/** The request's messages that the client components of a route group use: a layout's `messages` prop. */
export async function clientMessages(group: ClientMessagesGroup): Promise<Record<string, unknown>> {
  return pickMessages((await getMessages()) as Record<string, unknown>, CLIENT_NAMESPACES[group]);
}
