import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientAddressOf } from "./client-address";
import { signInSchema } from "./schema";
import { authenticate } from "./sign-in";
import { authConfig } from "./config";
import { endSession } from "./sessions";

/** Thrown for a locked account so the sign-in form can say "try again later" instead of "wrong password". */
export class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  events: {
    // Signing out (the header's button or next-auth's own endpoint) ends the session on the server, so a copy of the
    // cookie is worth nothing afterwards.
    signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") endSession(getDb(), sid);
    },
  },
  logger: {
    // A wrong password is an expected answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, clientAddressOf(request?.headers));
        if (result.ok) return { ...result.user, id: String(result.user.id) };
        if (result.reason === "locked") throw new LockedSignIn();
        return null;
      },
    }),
  ],
});
