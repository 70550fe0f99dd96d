import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/*
 * A real SMTP server in the test's own process (smtp-server), keeping what it receives as parsed mail (mailparser).
 * No TLS, no authentication: it listens on 127.0.0.1 only.
 */

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string | null; headers: Record<string, string>; raw: ParsedMail };

export type TestSmtpServer = {
  url: string;
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
};

export async function startTestSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(receivedMailOf(mail, session.envelope.rcptTo.map((r) => r.address)));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function receivedMailOf(mail: ParsedMail, to: string[]): ReceivedMail {
  const headers: Record<string, string> = {};
  for (const line of mail.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
  return { to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : null, headers, raw: mail };
}
