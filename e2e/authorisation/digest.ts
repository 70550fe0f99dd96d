import Database from "better-sqlite3";
import { createHash } from "node:crypto";

/*
 * "The database is unchanged after every refused call", measured on the whole database: every row of every table
 * (found in sqlite_master, so a table added later is covered the day it is added) is hashed before and after a call,
 * through a read-only connection of its own.
 *
 * Other specs write to the same database while this one runs, so a changed row counts against a call only when it is
 * the test's own: a row of the world's organisations, users, programme, round, applications, release or preview
 * link, any row that references one of those through a foreign key (found with PRAGMA foreign_key_list, so new
 * tables are covered too), an audit event about one of them or by one of the test's accounts, or any row holding
 * the forged calls' marker text. Every call the test refuses is made by one of its own accounts against its own
 * data, so whatever such a call wrote would be one of those rows.
 *
 * Left out: the sessions and the sign-in throttle (sign-in bookkeeping, by design written by sign-in and sign-out),
 * SQLite's own tables, the full-text index's shadow tables (derived from applications by triggers) and the
 * migrations journal.
 */

const EXCLUDED = new Set(["sessions", "sign_in_throttle", "sqlite_sequence", "__drizzle_migrations"]);

type Row = Record<string, unknown>;
type TableInfo = { name: string; withoutRowid: boolean; foreignKeys: { from: string; table: string; to: string }[] };
/** table -> row key -> [hash, row] */
export type Snapshot = Map<string, Map<string, [string, Row]>>;
export type ChangedRow = { table: string; key: string; before: Row | null; after: Row | null };

export type Seed = Record<string, readonly (number | string)[]>;

export class DatabaseDigest {
  private readonly db: Database.Database;
  private readonly tables: TableInfo[];
  /** table -> the values of its primary key ("id") that are the test's own. */
  private readonly ours = new Map<string, Set<string>>();

  constructor(
    path: string,
    seed: Seed,
    private readonly marker: string,
  ) {
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    const all = this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    this.tables = all
      .filter((t) => !EXCLUDED.has(t.name) && !t.name.startsWith("sqlite_") && !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
      .map((t) => ({
        name: t.name,
        withoutRowid: /WITHOUT\s+ROWID\s*$/i.test(t.sql.trim()),
        foreignKeys: (this.db.prepare(`PRAGMA foreign_key_list("${t.name}")`).all() as { from: string; table: string; to: string | null }[]).map((fk) => ({
          from: fk.from,
          table: fk.table,
          to: fk.to ?? "id",
        })),
      }));
    for (const [table, ids] of Object.entries(seed)) this.ours.set(table, new Set(ids.map(String)));
    // The rows that reference the seed (a decision of A's application, a version of the draft), and so on.
    const snapshot = this.snapshot();
    for (let grew = true; grew; ) {
      grew = false;
      for (const table of this.tables) {
        for (const [, row] of snapshot.get(table.name)!.values()) {
          if (!("id" in row) || this.ours.get(table.name)?.has(String(row.id))) continue;
          if (this.referencesOurs(table, row)) {
            this.own(table.name, row.id);
            grew = true;
          }
        }
      }
    }
  }

  close(): void {
    this.db.close();
  }

  private own(table: string, id: unknown): void {
    const set = this.ours.get(table) ?? new Set<string>();
    set.add(String(id));
    this.ours.set(table, set);
  }

  private referencesOurs(table: TableInfo, row: Row): boolean {
    return table.foreignKeys.some((fk) => row[fk.from] !== null && row[fk.from] !== undefined && fk.to === "id" && !!this.ours.get(fk.table)?.has(String(row[fk.from])));
  }

  /** The table an audit event's entity_type names ("release" is press_releases, "round" is rounds). */
  private entityTable(type: string): string | undefined {
    return [`${type}s`, `press_${type}s`, type].find((name) => this.tables.some((t) => t.name === name));
  }

  /** Is this row the test's own (see the comment at the top)? */
  private isOurs(table: TableInfo, row: Row): boolean {
    if ("id" in row && this.ours.get(table.name)?.has(String(row.id))) return true;
    if (this.referencesOurs(table, row)) return true;
    if (table.name === "audit_events" && typeof row.entity_type === "string") {
      const entityTable = this.entityTable(row.entity_type);
      if (entityTable && this.ours.get(entityTable)?.has(String(row.entity_id))) return true;
    }
    return JSON.stringify(row).includes(this.marker);
  }

  private last: { version: number; snapshot: Snapshot } | null = null;

  /**
   * Every row's hash. PRAGMA data_version changes whenever another connection commits, so while nothing was
   * committed since the last snapshot that same snapshot is the answer (and a diff of it with itself is empty).
   */
  snapshot(): Snapshot {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (this.last?.version === version) return this.last.snapshot;
    const snapshot: Snapshot = new Map();
    for (const table of this.tables) {
      const rows = new Map<string, [string, Row]>();
      const select = table.withoutRowid ? `SELECT * FROM "${table.name}"` : `SELECT rowid AS "__rowid", * FROM "${table.name}"`;
      for (const raw of this.db.prepare(select).all() as Row[]) {
        const { __rowid, ...row } = raw;
        const text = JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : typeof v === "bigint" ? v.toString() : v));
        const key = table.withoutRowid ? text : String(__rowid);
        rows.set(key, [createHash("sha1").update(text).digest("base64"), row]);
      }
      snapshot.set(table.name, rows);
    }
    this.last = { version, snapshot };
    return snapshot;
  }

  /** The test's own rows that differ between two snapshots (added, removed or changed). */
  ownChanges(before: Snapshot, after: Snapshot): ChangedRow[] {
    const changes: ChangedRow[] = [];
    if (before === after) return changes;
    const consider = (table: TableInfo, key: string, x: [string, Row] | undefined, y: [string, Row] | undefined) => {
      if ((x && this.isOurs(table, x[1])) || (y && this.isOurs(table, y[1]))) changes.push({ table: table.name, key, before: x?.[1] ?? null, after: y?.[1] ?? null });
    };
    for (const table of this.tables) {
      const a = before.get(table.name)!;
      const b = after.get(table.name)!;
      for (const [key, x] of a) {
        const y = b.get(key);
        if (x[0] !== y?.[0]) consider(table, key, x, y);
      }
      for (const [key, y] of b) if (!a.has(key)) consider(table, key, undefined, y);
    }
    return changes;
  }
}
