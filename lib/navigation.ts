import type { Permission } from "./auth/permissions";

/** The main menu. An item shows for a user holding any of its permissions (none listed: every signed-in user). */
export type NavItem = { href: string; labelKey: string; permissions?: readonly Permission[] };

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", labelKey: "overview" },
  { href: "/organisationer", labelKey: "organisations", permissions: ["organisation:manage"] },
  { href: "/press", labelKey: "press", permissions: ["press:write", "press:review"] },
  { href: "/anvandare", labelKey: "users", permissions: ["user:manage"] },
  { href: "/logg", labelKey: "auditTrail", permissions: ["audit:read:all"] },
  { href: "/personuppgifter", labelKey: "personalData", permissions: ["personal-data:manage"] },
];
