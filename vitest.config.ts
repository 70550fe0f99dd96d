import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./", import.meta.url)),
      // Next's marker throws outside a React Server Components bundle; unit tests call server code directly.
      "server-only": fileURLToPath(new URL("./db/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,db,components}/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./db/testing/global-setup.ts"],
    // Deletes each test's database copy after it (db/testing/setup.ts).
    setupFiles: ["./db/testing/setup.ts"],
    // Threads start faster than processes; each test file still gets its own module graph and database copy.
    pool: "threads",
    /*
     * Many tests seed the whole demo or hash passwords (the sign-in throttle's tests hash 30): on two cores shared
     * with a build, the defaults (5 s a test, 10 s a hook) were missed by tests that pass in a second alone. A test
     * that hangs still fails.
     */
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses; bundled by Vite it
    // resolves (lib/auth/auth-urls.test.ts calls next-auth's real handlers).
    server: { deps: { inline: ["next-auth"] } },
  },
});
