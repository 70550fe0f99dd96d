import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { getOutboxMessage } from "@/db/queries/outbox";
import { freshTestDb } from "@/db/testing";
import { inWriteTransaction } from "@/db/transaction";
import { deliverDueMail, REDACTED_TEXT, retryDelayMs } from "./deliver";
import { smtpTransport } from "./delivery-loop";
import { enqueueMail } from "./outbox";
import { startTestSmtpServer, type TestSmtpServer } from "./testing";

const FROM = "Anslag <noreply@anslag.example>";
const T0 = new Date("2026-03-02T08:00:00.000Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

let db: Db;
let path: string;
let server: TestSmtpServer | null = null;
const logs: string[] = [];
const log = (message: string) => logs.push(message);

beforeEach(() => {
  ({ db, path } = freshTestDb());
  logs.length = 0;
});
afterEach(async () => {
  await server?.close();
  server = null;
});

function enqueue(to = "karin@umea.example", text = "Hemlig länk: https://anslag.example/losenord/abc") {
  return inWriteTransaction(db, (tx) =>
    enqueueMail(tx, { to, subject: "Välkommen till Anslag", text, kind: "invitation", headers: { "List-Unsubscribe": "<https://anslag.example/avsluta>" } }, T0),
  );
}

describe("deliverDueMail", () => {
  it("delivers a queued mail over SMTP with its headers and marks it sent", async () => {
    server = await startTestSmtpServer();
    const id = enqueue();
    const result = await deliverDueMail(db, smtpTransport(server.url), T0, { from: FROM, log });
    expect(result).toEqual({ sent: [id], failed: [] });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.to).toEqual(["karin@umea.example"]);
    expect(mail.subject).toBe("Välkommen till Anslag");
    expect(mail.text.trim()).toBe("Hemlig länk: https://anslag.example/losenord/abc");
    expect(mail.headers["list-unsubscribe"]).toBe("<https://anslag.example/avsluta>");
    expect(getOutboxMessage(db, id)).toMatchObject({ sentAt: T0, attempts: 1, lastError: null });
    // Delivered: the outbox no longer holds the password link.
    expect(getOutboxMessage(db, id)!.text).toBe(REDACTED_TEXT);
  });

  it("keeps the body of a mail without a secret once it is sent", async () => {
    server = await startTestSmtpServer();
    const id = inWriteTransaction(db, (tx) => enqueueMail(tx, { to: "journalist@tidning.example", subject: "Nytt pressmeddelande", text: "Läs mer.", kind: "newsroom.release" }, T0));
    await deliverDueMail(db, smtpTransport(server.url), T0, { from: FROM, log });
    expect(getOutboxMessage(db, id)).toMatchObject({ text: "Läs mer.", sentAt: T0 });
  });

  it("keeps a mail while the server is down, retries it after the backoff, and delivers it once the server is up", async () => {
    // A port that nothing listens on: take one from a server, then stop it.
    const probe = await startTestSmtpServer();
    const port = probe.port;
    await probe.close();
    const id = enqueue();

    const first = await deliverDueMail(db, smtpTransport(`smtp://127.0.0.1:${port}`), T0, { from: FROM, log });
    expect(first).toEqual({ sent: [], failed: [id] });
    const failed = getOutboxMessage(db, id)!;
    expect(failed.sentAt).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.nextAttemptAt).toEqual(later(60_000));
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    // The log names the message and the error, never the body with its link.
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(`Meddelande ${id}`);
    expect(logs.join("\n")).not.toContain("losenord/abc");

    // Not due yet: nothing is tried before the minute has passed.
    server = await startTestSmtpServer(port);
    expect(await deliverDueMail(db, smtpTransport(server.url), later(30_000), { from: FROM, log })).toEqual({ sent: [], failed: [] });
    expect(server.received).toHaveLength(0);

    const second = await deliverDueMail(db, smtpTransport(server.url), later(60_000), { from: FROM, log });
    expect(second).toEqual({ sent: [id], failed: [] });
    expect(server.received).toHaveLength(1);
    expect(getOutboxMessage(db, id)).toMatchObject({ attempts: 2, sentAt: later(60_000) });
  });

  it("never sends a mail twice: not on the next run, and not when two deliveries run at once", async () => {
    server = await startTestSmtpServer();
    const ids = [enqueue("a@umea.example"), enqueue("b@umea.example"), enqueue("c@umea.example")];
    const transport = smtpTransport(server.url);
    // Two processes: two connections to the same file.
    const other = openDatabase(path);
    const [one, two] = await Promise.all([
      deliverDueMail(db, transport, T0, { from: FROM, log }),
      deliverDueMail(other, transport, T0, { from: FROM, log }),
    ]).finally(() => other.$client.close());
    expect([...one.sent, ...two.sent].sort()).toEqual(ids);
    expect(await deliverDueMail(db, transport, later(24 * 3600_000), { from: FROM, log })).toEqual({ sent: [], failed: [] });
    expect(server.received.map((m) => m.to[0]).sort()).toEqual(["a@umea.example", "b@umea.example", "c@umea.example"]);
  });

  it("backs off 1, 5, 15 minutes, then every hour", () => {
    expect([1, 2, 3, 4, 5, 12].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 5, 15, 60, 60, 60]);
  });
});

describe("enqueueMail", () => {
  it("writes the mail only when the writer's transaction commits", () => {
    expect(() =>
      inWriteTransaction(db, (tx) => {
        enqueueMail(tx, { to: "x@umea.example", subject: "S", text: "T", kind: "reset" }, T0);
        throw new Error("the change is refused");
      }),
    ).toThrow("refused");
    expect(db.$client.prepare("select count(*) as n from mail_outbox").get()).toEqual({ n: 0 });
  });

  it("refuses a header or subject with a line break (no header injection)", () => {
    expect(() => inWriteTransaction(db, (tx) => enqueueMail(tx, { to: "x@umea.example", subject: "S\r\nBcc: y@evil.example", text: "T", kind: "reset" }))).toThrow();
  });
});
