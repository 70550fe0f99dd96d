import type { Command } from "commander";
import { writeFileSync } from "node:fs";
import type { Db } from "@/db/client";
import { getOrganisation, getOrganisationByName } from "@/db/queries/organisations";
import { findGrantOfOrganisation } from "@/db/queries/press";
import { DomainError } from "@/lib/errors";
import { loadPressContext, type PressTarget } from "@/lib/press/context";
import { documentOf, releaseContentFromRendered } from "@/lib/press/document";
import { EXPORT_FORMATS, exportRelease, isExportFormat, TEXT_EXPORT_FORMATS, type ExportFormat } from "@/lib/press/export";
import { renderTemplate, stopRenderWorker } from "@/lib/press/render";
import { PRESS_TEMPLATE_KEYS, PRESS_TEMPLATE_NAMES, shippedTemplateSource, type PressTemplateKey } from "@/lib/press/templates";
import { badArgument, resolveRound } from "./import-commands";

/*
 * `press templates` lists the templates; `press render` renders one against the database without creating a draft,
 * through the same sandboxed renderer the app uses, and exports it as the app exports a release: the rendered text
 * taken apart into fields (releaseContentFromRendered), put in reading order (documentOf) and written in the format
 * (exportRelease), marked UTKAST since it is no release. Text formats go to standard output unless --out is given;
 * Word and PDF need --out.
 */

type WithDb = <T>(fn: (db: Db) => T | Promise<T>) => Promise<T>;
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
    .requiredOption("--format <format>", EXPORT_FORMATS.join(", "))
    .option("--out <fil>", "skriv till filen i stället för till standard ut")
    .action(async (options: RenderOptions) => {
      const key = templateKey(options.template);
      const format = formatOf(options.format);
      if (!options.out && !(TEXT_EXPORT_FORMATS as readonly string[]).includes(format)) {
        badArgument(`Formatet ${format} är en fil och skrivs inte till standard ut: ange --out <fil>, till exempel --out pressmeddelande.${format}.`);
      }
      const file = await withDb(async (db) => {
        const target = targetOf(db, key, options);
        const context = loadPressContext(db, target, ALL);
        if (!context) throw new DomainError(key === "county" ? `Länet ${options.county} har inga beviljade ansökningar i omgången.` : "Det finns inget att skriva om i omgången.");
        try {
          const result = await renderTemplate(shippedTemplateSource(key), context, { escape: "none" });
          if (!result.ok) throw new DomainError(`Mallen ${key} kunde inte skrivas ut: ${result.error.message}`);
          const document = documentOf(releaseContentFromRendered(result.text, context));
          return await exportRelease(document, format, { status: "draft", version: 1, sender: context.sender.name });
        } finally {
          await stopRenderWorker();
        }
      });
      if (options.out) {
        writeFileSync(options.out, file.body);
        console.log(`Skrev ${options.out}.`);
      } else process.stdout.write(file.body);
    });
}

function templateKey(value: string): PressTemplateKey {
  if ((PRESS_TEMPLATE_KEYS as readonly string[]).includes(value)) return value as PressTemplateKey;
  badArgument(`Mallen ${value} finns inte. Mallarna är ${PRESS_TEMPLATE_KEYS.join(", ")}.`);
}

function formatOf(value: string): ExportFormat {
  if (isExportFormat(value)) return value;
  badArgument(`Formatet ${value} finns inte. Välj ${EXPORT_FORMATS.slice(0, -1).join(", ")} eller ${EXPORT_FORMATS.at(-1)}.`);
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
