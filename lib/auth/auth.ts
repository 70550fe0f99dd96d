import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { signInSchema } from "./schema";
import { authenticate } from "./sign-in";
import { authConfig } from "./config";

/** Thrown for a locked account so the sign-in form can say "try again later" instead of "wrong password". */
export class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request?.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
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
        const result = await authenticate(getDb(), parsed.data.email, parsed.data.password, clientAddress(request));
        if (result.ok) return { ...result.user, id: String(result.user.id) };
        if (result.reason === "locked") throw new LockedSignIn();
        return null;
      },
    }),
  ],
});
