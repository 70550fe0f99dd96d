import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The production server (server.mjs) sets these and the rest on every answer, before Next (lib/http/hardening.mjs,
// ADR 0011); they are repeated here, with the same values, for `next dev`, which does not run it.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // No ETag from Next: it hashed every cached page again on every request, in JavaScript over the whole HTML (a fifth
  // of the server's CPU on a grants list). server.mjs gives a cached page the ETag of its bytes' native digest instead,
  // which is also the key of its CSP hashes, and answers a matching If-None-Match with 304 (lib/http/hardening.mjs).
  generateEtags: false,
  // forbidden() renders app/forbidden.tsx with a 403 for a signed-in user lacking a permission.
  experimental: {
    authInterrupts: true,
    // Staff and public pages have a root layout each (app/(staff)/, app/(public)/[locale]/): an address that matches
    // no route gets app/global-not-found.tsx.
    globalNotFound: true,
    // Imports take files up to 10 MB (lib/import/parse.ts); the proxy must pass such a body whole, form fields included.
    proxyClientMaxBodySize: "11mb",
  },
  // `npm test` type-checks the whole project (`tsc --noEmit`, tests included) before it builds, and says so with
  // ANSLAG_TYPECHECKED=1: the build need not check the same files again. Every other build checks them.
  typescript: { ignoreBuildErrors: process.env.ANSLAG_TYPECHECKED === "1" },
  // Native modules stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit"],
  async headers() {
    // Private preview links (app/(public)/[locale]/forhandsvisning/): never indexed, never cached (the page's own
    // metadata sends no referrer).
    const preview = [
      { key: "X-Robots-Tag", value: "noindex, nofollow, noarchive" },
      { key: "Cache-Control", value: "private, no-store" },
    ];
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/forhandsvisning/:token", headers: preview },
      { source: "/:locale(sv|en)/forhandsvisning/:token", headers: preview },
      // A link to set a password is as private (lib/users/password-links.ts).
      { source: "/losenord/:token", headers: preview },
      { source: "/:locale(sv|en)/losenord/:token", headers: preview },
    ];
  },
};

export default withNextIntl(nextConfig);
