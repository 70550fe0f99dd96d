/*
 * Mail configuration from the environment: SMTP_URL (smtp://host:port, smtps://user:password@host:465) and the
 * sender, ANSLAG_MAIL_FROM. Without SMTP_URL nothing is sent: messages stay in the outbox, and the admin's pages say
 * that the link has to be passed on by hand.
 */

export function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.SMTP_URL?.trim();
  return value ? value : null;
}

export function isMailConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return smtpUrl(env) !== null;
}

/** The sender: ANSLAG_MAIL_FROM, else "Anslag <noreply@host>" with the public site's host name. */
export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
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

/** The public site's address, for the absolute links a mail carries. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.ANSLAG_PUBLIC_URL?.replace(/\/+$/, "") || `http://localhost:${env.PORT ?? 3000}`;
}
