/*
 * Reading the end-to-end run's mail (e2e/mail-server.ts keeps what the app delivered by SMTP and serves it as JSON).
 * Each test mails an address of its own, so it reads only its own mail.
 */

export type Mail = { to: string[]; subject: string; text: string; headers: Record<string, string> };

const MAIL_HTTP_URL = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT}`;

/** The mail received for an address so far, oldest first. */
export async function mailTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${MAIL_HTTP_URL}/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`mail server answered ${response.status}`);
  return (await response.json()) as Mail[];
}

/** The path of the first password link in a mail ("/losenord/<token>"), to open on the server under test. */
export function passwordLinkPath(mail: Mail): string {
  const match = /https?:\/\/\S+?(\/(?:en\/)?losenord\/[A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no password link in: ${mail.text}`);
  return match[1];
}
