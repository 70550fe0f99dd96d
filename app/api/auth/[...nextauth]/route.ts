// next-auth's own endpoints (session, CSRF token, callbacks): public by design, they are how a session is made.
export { GET, POST } from "@/lib/auth/route-handlers";
