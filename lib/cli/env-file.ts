import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Makes sure the server has an AUTH_SECRET: one from the environment wins; otherwise one is generated once into
 * .env.local (which Next reads at start and git ignores), so sessions survive restarts. Returns what happened.
 */
export function ensureAuthSecret(file = ".env.local"): "environment" | "existing" | "generated" {
  if (process.env.AUTH_SECRET) return "environment";
  const content = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^AUTH_SECRET=.+$/m.test(content)) return "existing";
  const line = `AUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  writeFileSync(file, content && !content.endsWith("\n") ? `${content}\n${line}` : `${content}${line}`, { mode: 0o600 });
  return "generated";
}
