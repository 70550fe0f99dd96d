/*
 * Mail configuration from the environment: SMTP_URL (smtp://host:port, smtps://user:password@host:465) and the
 * sender, ANSLAG_MAIL_FROM. Without SMTP_URL nothing is sent: messages stay in the outbox, and the admin's pages say
 * that the link has to be passed on by hand.
 */

/** The environment, or a test's own. */
export type Env = Record<string, string | undefined>;

export function smtpUrl(env: Env = process.env): string | null {
  const value = env.SMTP_URL?.trim();
  return value ? value : null;
}

export function isMailConfigured(env: Env = process.env): boolean {
  return smtpUrl(env) !== null;
}

/** The sender: ANSLAG_MAIL_FROM, else "Anslag <noreply@host>" with the public site's host name. */
export function mailFrom(env: Env = process.env): string {
  const configured = env.ANSLAG_MAIL_FROM?.trim();
  if (configured) return configured;
  let host = "localhost";
  try {
    if (env.ANSLAG_PUBLIC_URL) host = new URL(env.ANSLAG_PUBLIC_URL).hostname || host;
  } catch {
    // A malformed public address gives the plain default; the newsroom reports that address itself.
  }
  return `Anslag <noreply@${host}>`;
}

/**
 * The public site's address, for the absolute links a mail carries: ANSLAG_PUBLIC_URL, else this server on
 * localhost (its port as server.mjs was told it). Never the request's Host header: a forged one would put another
 * site's address into a reset link.
 */
export function publicBaseUrl(env: Env = process.env): string {
  const configured = env.ANSLAG_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return configured;
  let port = env.PORT ?? "3000";
  try {
    if (env.ANSLAG_INTERNAL_ORIGIN) port = new URL(env.ANSLAG_INTERNAL_ORIGIN).port || port;
  } catch {
    // keep PORT
  }
  return `http://localhost:${port}`;
}
