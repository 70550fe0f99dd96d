import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { readFileSync } from "node:fs";
import type { Role } from "@/lib/enums";
import { storageStatePath } from "./storage-state";

/*
 * Raw HTTP to the run's server, for what fetch and Playwright's request context would tidy up: a path sent exactly as
 * written ("/%"), forged Host and X-Forwarded-* headers, a chosen source address (the whole of 127.0.0.0/8 is this
 * machine, so 127.0.0.2 is another client for the sign-in throttle), and every header of the answer as it came.
 */

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

const port = Number(process.env.E2E_PORT ?? 3100);

export function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  localAddress?: string;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path, headers: options.headers, localAddress: options.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The Cookie header of a demo role's saved session (e2e/auth.setup.ts). */
export function sessionCookie(role: Role): string {
  const state = JSON.parse(readFileSync(storageStatePath(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The cookies an answer sets, as written. */
export function setCookies(answer: RawAnswer): string[] {
  const value = answer.headers["set-cookie"];
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** Signs in through next-auth's credentials endpoint and returns that answer (cookies, Location). */
export async function credentialsSignIn(
  email: string,
  password: string,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const csrf = await raw({ path: "/api/auth/csrf", localAddress: options.localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = setCookies(csrf).map((c) => c.split(";")[0]).join("; ");
  const body = new URLSearchParams({ csrfToken, email, password }).toString();
  return raw({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie, ...options.headers },
    body,
    localAddress: options.localAddress,
  });
}
