import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import type { Db } from "@/db/client";
import { getOrganisation, getOrganisationByName } from "@/db/queries/organisations";
import { findGrantOfOrganisation } from "@/db/queries/press";
import { DomainError } from "@/lib/errors";
import { loadPressContext, type PressTarget } from "@/lib/press/context";
import { renderTemplate, stopRenderWorker } from "@/lib/press/render";
import { PRESS_TEMPLATE_KEYS, PRESS_TEMPLATE_NAMES, shippedTemplateSource, type PressTemplateKey } from "@/lib/press/templates";
import { badArgument, resolveRound } from "./import-commands";

/*
 * `press templates` lists the templates; `press render` renders one against the database without creating a draft,
 * through the same sandboxed renderer the app uses. Text formats go to standard output unless --out is given.
 * Word, HTML and PDF come with the release exports (issue 12, a later increment).
 */

type WithDb = <T>(fn: (db: Db) => T | Promise<T>) => Promise<T>;
const FORMATS = ["md", "txt"] as const;
type Format = (typeof FORMATS)[number];
const ALL = { kind: "all" } as const;

type RenderOptions = { template: string; round: string; programme?: string; county?: string; organisation?: string; format: string; out?: string };

export function registerPressCommands(program: Command, withDb: WithDb): void {
  const press = program.command("press").description("Pressmeddelanden.");
  press
    .command("templates")
    .description("Visa mallarnas nycklar.")
    .action(() => {
      for (const key of PRESS_TEMPLATE_KEYS) console.log(`${key}\t${PRESS_TEMPLATE_NAMES[key]}`);
    });
  press
    .command("render")
    .description("Skriv ut ett pressmeddelande ur en mall och databasen, utan att spara ett utkast.")
    .requiredOption("--template <nyckel>", `mallens nyckel (${PRESS_TEMPLATE_KEYS.join(", ")})`)
    .requiredOption("--round <omgång>", "omgångens nummer (ordinal) eller id")
    .option("--programme <program>", "programmets id, namn eller kod (krävs när flera program har omgången)")
    .option("--county <kod>", "länets kod, till exempel 24 för Västerbottens län (mallen county)")
    .option("--organisation <id eller namn>", "den beviljade organisationen (mallen recipient)")
    .requiredOption("--format <format>", FORMATS.join(" eller "))
    .option("--out <fil>", "skriv till filen i stället för till standard ut")
    .action(async (options: RenderOptions) => {
      const key = templateKey(options.template);
      const format = formatOf(options.format);
      const text = await withDb(async (db) => {
        const target = targetOf(db, key, options);
        const context = loadPressContext(db, target, ALL);
        if (!context) throw new DomainError(key === "county" ? `Länet ${options.county} har inga beviljade ansökningar i omgången.` : "Det finns inget att skriva om i omgången.");
        try {
          const result = await renderTemplate(shippedTemplateSource(key), context, { escape: "none" });
          if (!result.ok) throw new DomainError(`Mallen ${key} kunde inte skrivas ut: ${result.error.message}`);
          return result.text;
        } finally {
          await stopRenderWorker();
        }
      });
      const output = format === "md" ? toMarkdown(text) : `${text.trim()}\n`;
      if (options.out) {
        writeFileSync(options.out, output);
        console.log(`Skrev ${options.out}.`);
      } else process.stdout.write(output);
    });
}

function templateKey(value: string): PressTemplateKey {
  if ((PRESS_TEMPLATE_KEYS as readonly string[]).includes(value)) return value as PressTemplateKey;
  badArgument(`Mallen ${value} finns inte. Mallarna är ${PRESS_TEMPLATE_KEYS.join(", ")}.`);
}

function formatOf(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  badArgument(`Formatet ${value} finns inte än. Välj ${FORMATS.join(" eller ")}.`);
}

function targetOf(db: Db, key: PressTemplateKey, options: RenderOptions): PressTarget {
  const round = resolveRound(db, options.round, options.programme);
  if (key === "round") return { kind: "round", roundId: round.id };
  if (key === "county") {
    if (!options.county || !/^\d{2}$/.test(options.county)) badArgument("Mallen county behöver --county med länets kod i två siffror, till exempel 24.");
    return { kind: "county", roundId: round.id, countyCode: options.county };
  }
  if (!options.organisation) badArgument("Mallen recipient behöver --organisation med organisationens id eller namn.");
  const organisation = /^\d+$/.test(options.organisation)
    ? getOrganisation(db, Number(options.organisation))
    : getOrganisationByName(db, options.organisation);
  if (!organisation) throw new DomainError(`Organisationen ${options.organisation} finns inte.`);
  const applicationId = findGrantOfOrganisation(db, round.id, organisation.id);
  if (applicationId === null) throw new DomainError(`${organisation.name} fick inga pengar i ${round.label}.`);
  return { kind: "recipient", applicationId };
}

/** The first line is the headline; the rest are paragraphs as the template wrote them. */
function toMarkdown(text: string): string {
  const [headline = "", ...rest] = text.trim().split("\n");
  return `# ${headline.trim()}\n${rest.join("\n")}\n`;
}
