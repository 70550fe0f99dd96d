import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import { readFileSync } from "node:fs";

/*
 * One data boundary: only db/ touches tables (docs/decisions/0005-route-groups-and-data-boundary.md). Outside db/,
 * nothing imports drizzle-orm nor a table from db/schema.ts; types (`import type { Round }`) are fine. The table
 * names are read from the schema, so a new table is covered the day it is added.
 */
const TABLES = [...readFileSync(new URL("./db/schema.ts", import.meta.url), "utf8").matchAll(/^export const (\w+) = sqliteTable\(/gm)].map(
  (match) => match[1],
);
const DATA_BOUNDARY_MESSAGE = "Only db/ touches tables: put the query in db/queries/<entity>.ts and call it (types may be imported with `import type`).";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause rewrites a whole table: never on purpose.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      // App Router only: the Pages Router rule has nothing to check.
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // components/ is UI: it never reaches the database (ARCHITECTURE.md).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "**/db/*"], message: "components/ never imports db/." }] }],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          // Links prefetch only when they ask to (components/ui/link.tsx says why).
          paths: [{ name: "next/link", message: "Import Link from @/components/ui/link: it does not prefetch unless asked." }],
          patterns: [
            { group: ["drizzle-orm", "drizzle-orm/*"], message: DATA_BOUNDARY_MESSAGE, allowTypeImports: true },
            // "@/db/schema" and any relative path to it.
            { group: ["**/db/schema"], importNames: TABLES, message: DATA_BOUNDARY_MESSAGE, allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // db/, lib/ and e2e/ hold no components: the React Compiler's rules (every react-hooks rule but the two classic
    // ones) would compile each of their functions for nothing, and that was 60 % of the lint's time.
    files: ["db/**", "lib/**", "e2e/**"],
    rules: Object.fromEntries(
      Object.keys(reactHooks.rules)
        .filter((rule) => rule !== "rules-of-hooks" && rule !== "exhaustive-deps")
        .map((rule) => [`react-hooks/${rule}`, "off"]),
    ),
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
]);
