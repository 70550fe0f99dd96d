import type { Db } from "../client";
import { organisationNameKey } from "../queries/organisations";
import { seedDemo } from "./demo";
import { demoUser } from "./demo-users";
import { ORGANISATION_KINDS } from "@/lib/enums";
import { swedishSortKey } from "@/lib/format/sort";

/*
 * The benchmark's database (npm run bench): the demo (reference data, one user per role, the demo's rounds and
 * releases) and on top of it a programme of `rounds` rounds holding `applications` applications from `organisations`
 * organisations, with co-applicants, decisions (approved within each round's budget, rejected) and press releases,
 * some published. Bulk rows go in through prepared statements in one transaction (a few seconds for 100 000); they
 * carry no audit events, since nobody made them. Every round but the last is decided; the last is open with half
 * of its applications decided, so its page, its list and its decision meeting are a round being worked on.
 */

export type BenchSize = { applications: number; rounds: number; organisations: number };

export type BenchWorld = {
  /** The open round: its page, list and decision meeting are measured. */
  openRoundId: number;
  openRoundApplications: number;
  /** A decided round with published releases: the grants list. */
  decidedRoundId: number;
  /** An application of the open round. */
  applicationId: number;
  /** The slug of a published release. */
  releaseSlug: string;
  /** The coordinator's organisation and how many applications it takes part in. */
  coordinatorOrganisationId: number;
  coordinatorApplications: number;
  users: Record<"officer" | "coordinator" | "communications", { email: string; password: string }>;
};

/** Deterministic numbers, so two runs fill the same database. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = ["Jämställd service", "Likvärdig idrott", "Trygg skolväg", "Jämställt bistånd", "Öppna lokaler", "Jämställd planering", "Äldres inflytande", "Medborgardialog"];
const FOCUS = ["Medborgarservice", "Fritid", "Utbildning", "Samhällsplanering"];
const EXTRA_KINDS = ORGANISATION_KINDS.filter((k) => k !== "kommun");

/** Share of the applications the coordinator's organisation leads: an organisation with many of them. */
const COORDINATOR_SHARE = 0.02;

export async function seedBench(db: Db, size: BenchSize): Promise<BenchWorld> {
  await seedDemo(db);
  const sqlite = db.$client;
  const coordinator = demoUser("coordinator");
  const next = random(14);

  const world = sqlite.transaction(() => {
    // Organisations: every municipality's own (those the demo lacks), then associations and companies up to the size.
    const insertOrg = sqlite.prepare(
      `INSERT OR IGNORE INTO organisations (name, name_key, short_name, kind, municipality_code, county_code, sort_name)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const munis = sqlite.prepare("SELECT code, name, short_name AS shortName, county_code AS countyCode FROM municipalities ORDER BY code").all() as {
      code: string;
      name: string;
      shortName: string;
      countyCode: string;
    }[];
    const countOrgs = () => sqlite.prepare("SELECT count(*) FROM organisations").pluck().get() as number;
    for (const m of munis) {
      if (countOrgs() >= size.organisations) break;
      insertOrg.run(m.name, organisationNameKey(m.name), m.shortName, "kommun", m.code, m.countyCode, swedishSortKey(m.name));
    }
    for (let i = 1; countOrgs() < size.organisations; i++) {
      const m = munis[i % munis.length]!;
      const name = `${["Föreningen", "Stiftelsen", "Bolaget", "Nätverket"][i % 4]} Jämställt ${m.shortName} ${i}`;
      insertOrg.run(name, organisationNameKey(name), `${m.shortName} ${i}`, EXTRA_KINDS[i % EXTRA_KINDS.length], m.code, m.countyCode, swedishSortKey(name));
    }
    const orgIds = sqlite.prepare("SELECT id FROM organisations ORDER BY id").pluck().all() as number[];
    const coordinatorOrganisationId = sqlite
      .prepare("SELECT organisation_id FROM users WHERE email = ?")
      .pluck()
      .get(coordinator.email) as number;
    const officerId = sqlite.prepare("SELECT id FROM users WHERE role = 'officer' ORDER BY id LIMIT 1").pluck().get() as number;

    const programmeId = (
      sqlite
        .prepare("INSERT INTO programmes (name, name_en, code, funder, allocation) VALUES ('Program för jämställd skala', 'Programme for Equality at Scale', 'BS', 'regeringen', 0) RETURNING id")
        .get() as { id: number }
    ).id;
    const insertRound = sqlite.prepare(
      `INSERT INTO rounds (programme_id, ordinal, year, budget, opens_on, closes_on, decision_on, status, criteria)
       VALUES (?, ?, ?, 0, ?, ?, ?, ?, 'Projekt som gör offentlig service jämställd.') RETURNING id`,
    );
    const insertApplication = sqlite.prepare(
      `INSERT INTO applications (round_id, registration_number, lead_organisation_id, project_title, description, focus_areas,
         requested_amount, contact_name, contact_email, status, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    );
    const insertCoApplicant = sqlite.prepare("INSERT OR IGNORE INTO application_co_applicants (application_id, organisation_id, position) VALUES (?, ?, ?)");
    const insertDecision = sqlite.prepare(
      `INSERT INTO decisions (application_id, round_id, outcome, granted_amount, motivation, decided_on, decided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const setBudget = sqlite.prepare("UPDATE rounds SET budget = ? WHERE id = ?");
    const insertSequence = sqlite.prepare("INSERT INTO registration_sequences (programme_id, year, last_number) VALUES (?, ?, ?)");

    const perRound = Math.floor(size.applications / size.rounds);
    let openRoundId = 0;
    let decidedRoundId = 0;
    let applicationId = 0;
    let coordinatorApplications = 0;
    for (let r = 1; r <= size.rounds; r++) {
      const open = r === size.rounds;
      const year = 2040 + r;
      const count = open ? size.applications - perRound * (size.rounds - 1) : perRound;
      const roundId = (
        insertRound.get(programmeId, r, year, `${year - 1}-09-01`, `${year - 1}-11-30`, open ? null : `${year}-02-15`, open ? "open" : "decided") as { id: number }
      ).id;
      if (open) openRoundId = roundId;
      else decidedRoundId = roundId;
      let granted = 0;
      for (let i = 1; i <= count; i++) {
        const mine = next() < COORDINATOR_SHARE;
        const lead = mine ? coordinatorOrganisationId : orgIds[Math.floor(next() * orgIds.length)]!;
        const requested = 100_000 + Math.floor(next() * 40) * 50_000;
        const decided = !open || i % 2 === 0;
        const approved = decided && next() < 0.4;
        const status = !decided ? "received" : approved ? "approved" : "rejected";
        const title = `${TITLES[i % TITLES.length]} ${r}-${i}`;
        const id = (
          insertApplication.get(
            roundId,
            `BS-${year}-${String(i).padStart(4, "0")}`,
            lead,
            title,
            "Projektet kartlägger hur kommunens service når kvinnor och män och ändrar det som skiljer.",
            JSON.stringify([FOCUS[i % FOCUS.length]]),
            requested,
            "Kontaktperson",
            "kontakt@anslag.example",
            status,
            officerId,
          ) as { id: number }
        ).id;
        if (mine) coordinatorApplications++;
        // A joint application now and then; the coordinator's organisation joins some of them.
        if (next() < 0.1) {
          const co = next() < COORDINATOR_SHARE * 5 ? coordinatorOrganisationId : orgIds[Math.floor(next() * orgIds.length)]!;
          if (co !== lead) {
            insertCoApplicant.run(id, co, 1);
            if (co === coordinatorOrganisationId) coordinatorApplications++;
          }
        }
        if (decided) {
          const amount = approved ? Math.floor((requested * 0.8) / 1000) * 1000 : 0;
          granted += amount;
          insertDecision.run(id, roundId, approved ? "approved" : "rejected", amount, approved ? "Projektet uppfyller kriterierna." : "Projektet prioriterades inte.", `${year}-02-15`, officerId);
        }
        if (open && applicationId === 0) applicationId = id;
      }
      // The budget covers what was granted, and a quarter more for the open round's undecided half.
      setBudget.run(Math.ceil((granted * 1.25) / 1_000_000) * 1_000_000 + 1_000_000, roundId);
      insertSequence.run(programmeId, year, count);
    }

    // Releases: a copy of the demo's published releases for every tenth decided round, most of them published.
    const template = sqlite.prepare("SELECT * FROM press_releases WHERE status = 'published' ORDER BY id LIMIT 1").get() as Record<string, unknown>;
    const topics = sqlite.prepare("SELECT topic FROM press_release_topics WHERE release_id = ?").pluck().all(template.id) as string[];
    const columns = Object.keys(template).filter((c) => c !== "id");
    const insertRelease = sqlite.prepare(
      `INSERT INTO press_releases (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")}) RETURNING id`,
    );
    const insertTopic = sqlite.prepare("INSERT INTO press_release_topics (release_id, topic) VALUES (?, ?)");
    const decidedRounds = sqlite.prepare("SELECT id, ordinal FROM rounds WHERE programme_id = ? AND status = 'decided' ORDER BY ordinal").all(programmeId) as { id: number; ordinal: number }[];
    const publishedAt = Date.parse("2026-06-01T08:00:00Z");
    for (const [n, round] of decidedRounds.entries()) {
      if (n % 10 !== 0 && round.id !== decidedRoundId) continue;
      const published = n % 3 !== 2 || round.id === decidedRoundId;
      // The last decided round's release is the newest, first in the newsroom.
      const at = round.id === decidedRoundId ? publishedAt + 86_400_000 : publishedAt - n * 3_600_000;
      const id = (
        insertRelease.get({
          ...template,
          slug: `skala-omgang-${round.ordinal}`,
          round_id: round.id,
          application_id: null,
          headline: `Omgång ${round.ordinal} av programmet för jämställd skala har fördelat sina medel`,
          status: published ? "published" : "draft",
          publish_at: published ? at : null,
          published_at: published ? at : null,
          created_by: null,
          updated_by: null,
        }) as { id: number }
      ).id;
      for (const topic of topics) insertTopic.run(id, topic);
    }
    const releaseSlug = sqlite.prepare("SELECT slug FROM press_releases WHERE round_id = ? AND status = 'published'").pluck().get(decidedRoundId) as string;

    return {
      openRoundId,
      openRoundApplications: size.applications - perRound * (size.rounds - 1),
      decidedRoundId,
      applicationId,
      releaseSlug,
      coordinatorOrganisationId,
      coordinatorApplications,
    };
  })();
  sqlite.pragma("optimize");

  const account = (role: "officer" | "coordinator" | "communications") => {
    const user = demoUser(role);
    return { email: user.email, password: user.password };
  };
  return { ...world, users: { officer: account("officer"), coordinator: account("coordinator"), communications: account("communications") } };
}
