import type { NextAuthConfig } from "next-auth";
import { ROLES, type Role } from "@/lib/enums";
import { sameOriginPath } from "./callback-url";

/*
 * The part of the next-auth configuration that needs no database, shared by the proxy and the full setup in
 * lib/auth/auth.ts. Sessions are JWTs (next-auth's Credentials provider requires it) that carry the user id, role and
 * the id of the session's row on the server (lib/auth/sessions.ts); every request looks that row up with the user
 * (lib/auth/session.ts), so signing out, a password change, disabling an account or changing a role ends the session
 * at once, and the 8 hours are counted from signing in, not from the last request.
 */

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

/**
 * The attributes of the app's own cookies (the language): never readable by scripts, sent on top-level navigation
 * only, and Secure when the site is served over HTTPS (AUTH_URL, the README's production setup), as next-auth's are.
 */
export function appCookieOptions(maxAgeSeconds: number) {
  return { path: "/", httpOnly: true, sameSite: "lax", secure: /^https:/i.test(process.env.AUTH_URL ?? ""), maxAge: maxAgeSeconds } as const;
}

export const authConfig = {
  pages: { signIn: "/logga-in" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  providers: [],
  callbacks: {
    // Every redirect next-auth makes (after signing in or out, its own pages) goes to a path of this site only.
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return `${baseUrl}${sameOriginPath(path)}`;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = String(user.id);
        token.role = (user as { role?: Role }).role;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      const role = token.role;
      session.user.role = typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; role?: Role; name?: string | null; email?: string | null };
    /** The id of the session's row on the server (lib/auth/sessions.ts). */
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}
