/*
 * The top-level message namespaces each layout's <NextIntlClientProvider> passes to the browser: the ones the client
 * modules rendered under it use (lib/i18n/client-messages.ts says why). A file without imports, so the test that
 * keeps these lists right (lib/i18n/client-messages.test.ts) reads them without loading next-intl.
 */

/** The namespaces client components under app/(staff)/layout.tsx use. */
export const STAFF_CLIENT_NAMESPACES = [
  "account",
  "decision",
  "errors",
  "import",
  "meeting",
  "merge",
  "organisationKind",
  "organisations",
  "personalData",
  "portal",
  "press",
  "pressChecks",
  "pressTemplates",
  "pressTopic",
  "register",
  "roles",
  "roundAdmin",
  "savedNotice",
  "users",
] as const;

/** The namespaces client components under app/(public)/[locale]/layout.tsx use. */
export const PUBLIC_CLIENT_NAMESPACES = ["passwordLink", "signIn", "subscriptions"] as const;

export const CLIENT_NAMESPACES = { staff: STAFF_CLIENT_NAMESPACES, public: PUBLIC_CLIENT_NAMESPACES } as const;
export type ClientMessagesGroup = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The given top-level namespaces of a language's messages (a namespace the messages lack is left out). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) if (namespace in messages) picked[namespace] = messages[namespace];
  return picked;
}
