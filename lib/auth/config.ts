import type { NextAuthConfig } from "next-auth";
import { ROLES, type Role } from "@/lib/enums";
import { sameOriginPath } from "./callback-url";

/*
 * The part of the next-auth configuration that needs no database, shared by the proxy and the full setup in
 * lib/auth/auth.ts. Sessions are JWTs (next-auth's Credentials provider requires it) that carry only the user id and
 * role; every request re-reads the user from the database (lib/auth/session.ts), so disabling an account or changing
 * a role takes effect at once.
 */

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

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
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      const role = token.role;
      session.user.role = typeof role === "string" && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module "next-auth" {
  interface Session {
    user: { id: string; role?: Role; name?: string | null; email?: string | null };
  }
}
