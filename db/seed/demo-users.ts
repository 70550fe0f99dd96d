import type { Role } from "../schema";

/**
 * The demo accounts, one per role. Their passwords are printed by `npm start` and listed in the README; they exist
 * only in the demo database (`npm run db:seed` on an empty database), never in a real one.
 * `DEMO_PASSWORD` in the environment replaces them all with one password of your own.
 */
export type DemoUser = {
  role: Role;
  email: string;
  name: string;
  password: string;
  /** For the coordinator: the organisation, by its printed name. */
  organisation?: string;
  /** Printed on the decision letters the user signs. Numbers from the range PTS keeps for fiction (070-174 06 05-99). */
  phone?: string;
};

const password = (fallback: string) => process.env.DEMO_PASSWORD || fallback;

export const DEMO_USERS: readonly DemoUser[] = [
  { role: "admin", email: "admin@anslag.example", name: "Karin Lindqvist", password: password("demo-admin-2026"), phone: "070-174 06 06" },
  { role: "officer", email: "handlaggare@anslag.example", name: "Erik Sandberg", password: password("demo-handlaggare-2026"), phone: "070-174 06 05" },
  {
    role: "communications",
    email: "kommunikation@anslag.example",
    name: "Henning Brüllhoff",
    password: password("demo-kommunikation-2026"),
  },
  {
    role: "coordinator",
    email: "samordnare@umea.example",
    name: "Helene Brewer",
    password: password("demo-samordnare-2026"),
    organisation: "Umeå kommun",
  },
];

export function demoUser(role: Role): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}
