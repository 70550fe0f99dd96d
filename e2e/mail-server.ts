import { createServer } from "node:http";
import { startTestSmtpServer } from "@/lib/mail/testing";

/*
 * The end-to-end run's mail server (a webServer entry of playwright.config.ts): a real SMTP server (smtp-server, as in
 * lib/mail's tests) on E2E_SMTP_PORT, to which the app under test delivers through SMTP_URL, and the mail it
 * received as JSON over HTTP on E2E_MAIL_HTTP_PORT (GET /messages?to=<address>), so a test reads the mail sent to its
 * own unique address. Nothing is kept on disk.
 */

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 400);
const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? SMTP_PORT + 1);
const MAIL_HTTP_URL = `http://127.0.0.1:${MAIL_HTTP_PORT}`;

async function main(): Promise<void> {
  const smtp = await startTestSmtpServer(SMTP_PORT);
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", MAIL_HTTP_URL);
    if (url.pathname === "/health") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (url.pathname === "/messages") {
      const to = (url.searchParams.get("to") ?? "").toLowerCase();
      const mails = smtp.received
        .filter((m) => m.to.some((address) => address.toLowerCase() === to))
        .map(({ to: recipients, subject, text, headers }) => ({ to: recipients, subject, text, headers }));
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
      return;
    }
    response.writeHead(404).end();
  });
  http.listen(MAIL_HTTP_PORT, "127.0.0.1");
  const stop = () => {
    http.close();
    void smtp.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

void main();
