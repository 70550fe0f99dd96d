import { randomUUID } from "node:crypto";
import { openDatabase } from "@/db/client";
import { createUserAccount } from "@/lib/users";

/**
 * Proves the server under test really uses this run's fresh database: an account that exists only in that file
 * is created here, and signing in with it over HTTP must succeed.
 */
export default async function globalSetup() {
  const path = process.env.E2E_DATABASE_PATH;
  const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");

  const email = `kontroll-${randomUUID()}@anslag.example`;
  const password = randomUUID();
  const db = openDatabase(path);
  try {
    await createUserAccount(db, { email, name: "E2E-kontroll", role: "officer", password }, { id: null, label: "e2e" });
  } finally {
    db.$client.close();
  }

  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="));
  if (!session) {
    throw new Error(`The server at ${baseURL} did not accept an account created in ${path}: it is not using the test database.`);
  }
}
