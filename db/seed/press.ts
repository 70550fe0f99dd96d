import { and, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { findGrantOfOrganisation, type PressTarget } from "../queries/press";
import { insertRelease, type ReleaseQuote, type ReleaseSnapshot } from "../queries/press-releases";
import { organisations, programmes, pressTemplates, rounds } from "../schema";
import type { PressTopic } from "@/lib/enums";
import type { AuditActor } from "@/lib/audit";
import { loadPressContext } from "@/lib/press/context";
import { factsHashOf, factsOf } from "@/lib/press/facts";

/*
 * The demo's newsroom: the three releases SKL published about this programme (../shared/seeds/), in their own
 * words, as published releases of the rounds they belong to. Only the old newsroom's chrome is left out ("Gå direkt
 * till innehåll", "Pressmeddelande -", "Lämna ett svar", the "Ämnen/Regioner/Kontakter" blocks, the pointer to an
 * attached list: the live grants list replaces it). Paragraph breaks the text copy put mid-sentence are joined;
 * every word and figure is as printed. Each release remembers the facts of its scope, as one made in the app does.
 */

type SeedRelease = {
  template: "round" | "county" | "recipient";
  target: (tx: Tx, roundId: (ordinal: number) => number) => PressTarget;
  round: number;
  countyCode: string | null;
  publishAt: string;
  topics: PressTopic[];
  regionCode: string | null;
  headline: string;
  ingress: string;
  /** Body paragraphs, and quotes ("– …") where they stand: they become the release's quotes. */
  paragraphs: string[];
  contacts: string[];
  boilerplate: string;
};

const BOILERPLATE_SKL =
  "Målet med fördelningen av medel är att göra det möjligt för de verksamheter som fått pengar att införliva jämställdhet som en naturlig del i alla styr- och ledningssystem, rutiner och metoder så att en jämställd fördelning av makt och resurser kan säkerställas. Verksamheterna ska kunna erbjuda en likvärdig service till kvinnor, män, flickor och pojkar.";

export const SEED_RELEASES: readonly SeedRelease[] = [
  {
    template: "round",
    target: (_tx, roundId) => ({ kind: "round", roundId: roundId(5) }),
    round: 5,
    countyCode: null,
    publishAt: "2013-05-23T08:00:00Z",
    topics: ["beviljade-medel", "jamstalldhetsintegrering", "vard-och-omsorg"],
    regionCode: null,
    headline: "27,5 miljoner till jämställdhet",
    ingress:
      "21 kommuner och landsting får pengar via SKL för att arbeta med jämställdhetsintegrering. Bland annat ska fler män rekryteras till förlossningsvården.",
    paragraphs: [
      "Program för Hållbar jämställdhet är den största svenska satsningen i sitt slag, och det är femte och sista gången Sveriges Kommuner och Landsting fördelar de jämställdhetspengar som regeringen anslagit. Totalt har 162 miljoner fördelats till utvecklingsarbeten i kommuner, landsting/regioner, förbund och företag.",
      "Satsningen ska leda till likvärdig service för kvinnor och män, flickor och pojkar.",
      "– Satsningen ska leda till konkreta och varaktiga förändringar i kommunernas och landstingens verksamheter, så de kan ge likvärdig service till kvinnor, män, flickor och pojkar. Jämställdhet är en kvalitetsfråga, som bidrar till bättre prioriteringar och att resurser kan användas på ett bättre sätt, säger Carina Sándor, ordförande i styrgruppen för Hållbar Jämställdhet hos SKL.",
      "Växjö är en av kommunerna som har beviljats pengar från SKL, närmare bestämt 1,4 miljoner kronor. Där är målet att integrera jämställdhet och mångfald i kommunens styr- och ledningssystem, i budget, – planering ,- och kompetensutveckling samt att öka den totala kunskapsnivån bland alla medarbetare. Vägen dit sker bland annat genom utbildning, handledning och checklistor för medarbetare, politiker och chefer.",
      "– Vi vill också införa aktivt arbete för jämställdhetsintegrering som ett kriterium vid lönesamtal, samt att genusglasögon och genustrappan implementeras och synliggörs i organisationen genom lättåtkomliga verktyg, förklarar mångfaldssamordnare Suzana Mocevic i ett pressmeddelande.",
      "Andra exempel på utvecklingsarbeten som fått stöd är förbättringsarbete med fokus på män inom förlossnings- och anhörigvården och könsmedveten biståndsbedömning i socialtjänsten.",
      "För att ha fått del av resurserna måste utvecklingsarbetet har ett tydligt medborgarperspektiv. Målet är att jämställdhet ska integreras i alla styrsystem och rutiner och leda till konkreta effekter i form av jämställd service och bemötande för elever, brukare och patienter.",
    ],
    contacts: [],
    boilerplate: "",
  },
  {
    template: "county",
    target: (_tx, roundId) => ({ kind: "county", roundId: roundId(4), countyCode: "24" }),
    round: 4,
    countyCode: "24",
    publishAt: "2012-06-14T08:00:00Z",
    topics: ["beviljade-medel", "medborgarservice", "vard-och-omsorg", "styrning-och-ledning"],
    regionCode: "24",
    headline: "Mer pengar till jämställdhet i Västerbotten",
    ingress:
      "Servicen i många offentligt finansierade verksamheter är inte jämställd. Det vill Program för Hållbar Jämställdhet göra någonting åt. Sveriges Kommuner och Landsting (SKL) har beslutat att bevilja 1,7 respektive 1,2 miljoner kronor till Umeå kommun och Lycksele kommun för att de ska kunna fortsätta sitt långsiktiga jämställdhetsarbete.",
    paragraphs: [
      "Umeå kommun ska bland annat satsa på en fördjupning av jämställdhetsperspektivet i styr- och ledningssystem för att uppnå en jämställd medborgarservice på lång sikt. Målgrupp är framförallt mellanchefer/utvecklingsledare, samt politiker.",
      "Lycksele kommun får pengar bland annat för att utveckla sitt jämställdhetsverktyg JämGIS. En särskild insats berör även biståndshandläggningen inom äldreomsorgen där en analys över hur biståndsärenden bedöms och beslutas ur ett könsperspektiv ska göras.",
      "Umeå och Lycksele är två av de 17 kommuner, landsting, regioner, regionförbund, företag och samverkansorgan som får fortsatta pengar för att säkra en hållbar jämställdhet i sina verksamheter.",
      "Pengarna delas ut inom ramen för den nationella satsningen Program för Hållbar Jämställdhet som är initierad av regeringen. Den har beviljat SKL totalt 225 miljoner kronor för att stödja kommuner och landsting i arbetet med långsiktig jämställdhetsintegrering. Denna programperiod syftar till att säkra hållbarheten i de utvecklingsarbeten som redan har påbörjats och sprida kunskaper om uppnådda resultat så att fler verksamheter kan jämställdhetsintegreras.",
      "Mer information finns på skl.se",
    ],
    contacts: [
      "Kontaktpersoner:",
      "Umeå kommun, Helene Brewer, tfn: 090-16 19 15",
      "Lycksele kommun, Marie Öhlund, tfn: 0950-164 22",
      "För mer information: Henning Brüllhoff, informatör på avdelningen för vård och omsorg, tfn: 08-452 74 23, henning.brullhoff@skl.se",
    ],
    boilerplate: BOILERPLATE_SKL,
  },
  {
    template: "recipient",
    target: (tx, roundId) => {
      const boras = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, "Borås Stad")).get();
      const applicationId = boras ? findGrantOfOrganisation(tx, roundId(5), boras.id) : null;
      if (applicationId === null) throw new Error("The demo has no grant of Borås Stad in the fifth round");
      return { kind: "recipient", applicationId };
    },
    round: 5,
    countyCode: null,
    publishAt: "2013-05-28T07:30:00Z",
    topics: ["beviljade-medel", "medborgarservice", "utbildning"],
    regionCode: "14",
    headline: "1,2 miljoner till jämställdhetsarbete för medborgarna",
    ingress:
      "Sveriges Kommuner och Landsting (SKL) har gett Borås Stad 1,2 miljoner kronor för att utveckla arbetet med jämställd medborgarservice. Pengarna kommer från SKL:s program för Hållbar jämställdhet.",
    paragraphs: [
      "Under förra året arbetade Borås Stad med jämställd medborgarservice i ett kommunöverskridande projekt tillsammans med fyra andra sjuhäradskommuner; Mark, Vårgårda, Tranemo och Bollebygd. Under projektet utbildades totalt 120 anställda i hållbar jämställdhet och 38 medborgarprocesser undersöktes.",
      "Sedan årsskiftet har Borås Stad arbetat för en jämställd medborgarservice på egen hand och har anställt en jämställdhetssamordnare. Nu fortsätter utbytet med de medverkande kommunerna på nätverksbasis. Tillskottet på 1,2 miljoner gör att Borås Stad kan arbeta än mer intensivt med frågorna.",
      "– I Borås Stad lägger vi redan i dag stor vikt vid arbetet för jämställdhet mellan medborgarna. Det här ger oss goda förutsättningar att stärka arbetet för en hållbar jämställd medborgarservice, säger Ulf Olsson, kommunstyrelsens ordförande, (S).",
      "– Det är positivt att det arbetet som startade under den förra mandatperioden kan fortgå eftersom det är ett så viktigt arbete, säger Annette Carlson, kommunstyrelsens vice ordförande (M).",
      "Jämställd medborgarservice handlar om den kommunala service som tätt hänger samman med mäns och kvinnors livskvalitet. Det berör de flesta av kommunens verksamheter, till exempel stadsplanering, boende, kollektivtrafik, upphandling, hälsa, idrottshallstider, biståndsbedömning, hemtjänst, förskolor, försörjningsstöd, betyg och läromedel.",
      "– Det här är en stor satsning på ett perspektiv att se verksamheten: jämställdhet. Vi kommer att arbeta med utbildning av bland andra chefer, ekonomer och HR-personal. Genom e-learning kommer alla drygt 10 000 anställda i kommunen få nytt lärande i jämställdhet, säger Carola Samuelsson, jämställdhetssamordnare i Borås Stad.",
      "SKL har gett utvecklingsmedel till 21 av de 45 projektansökningar som kommit in från hela Sverige. Totalt har 27,5 miljoner kronor delats ut.",
      "De kriterier som SKL arbetat efter är att det ska finnas förutsättningar för projektets hållbarhet även efter 2014 och att pengarna verkligen ska ge effekter i form av jämställd medborgarservice. Dessutom vill SKL gärna se en spridning till större delar av kommunen, regionen eller landstinget.",
      "I november 2009 undertecknade kommunfullmältige CEMR-deklarationen. Den är ett verktyg för kommuner, landsting och regioner att integrera jämställdhetsperspektivet i det politiska beslutsfattandet och i den praktiska verksamheten som EU:s motsvarighet till SKL tagit fram.\nSamtidigt tillsatte kommunstyrelsen en tvärpolitisk grupp för att ta fram en handlingsplan utifrån deklarationen.",
    ],
    contacts: [
      "För mer information kontakta:",
      "Carola Samuelsson, jämställdhetssamordnar, Borås Stad, tel 0768-88 58 18",
      "Ulf Olsson, kommunstyrelsens ordförande (S), tel 070-523 30 22",
      "Annette Carlson, kommunstyrelsens vice ordförande (M), tel 070-348 70 24",
    ],
    boilerplate:
      "Borås är med mer än 114 000 invånare den näst största kommunen i Västra Götalandsregionen. På en 400-årig tradition av innovation och samarbete bygger vi nu en ännu bättre stad, en ännu bättre kommun att leva och verka i.",
  },
];

/**
 * "– TEXT, säger SPEAKER, TITLE." -> a quote with its speaker; a quote attributed otherwise ("…, förklarar
 * mångfaldssamordnare X i ett pressmeddelande.") keeps its whole text, so it reads exactly as printed.
 */
export function seedQuote(paragraph: string): Omit<ReleaseQuote, "afterParagraph"> | null {
  if (!paragraph.startsWith("– ")) return null;
  const rest = paragraph.slice(2);
  const at = rest.lastIndexOf(", säger ");
  if (at < 0) return { text: rest, speaker: "", title: "" };
  const who = rest.slice(at + ", säger ".length).replace(/\.$/, "");
  const comma = who.indexOf(",");
  return {
    text: rest.slice(0, at),
    speaker: comma < 0 ? who : who.slice(0, comma).trim(),
    title: comma < 0 ? "" : who.slice(comma + 1).trim(),
  };
}

export function seedSnapshot(release: SeedRelease): ReleaseSnapshot {
  const body: string[] = [];
  const quotes: ReleaseQuote[] = [];
  for (const paragraph of release.paragraphs) {
    const quote = seedQuote(paragraph);
    if (quote) quotes.push({ ...quote, afterParagraph: body.length });
    else body.push(paragraph);
  }
  return {
    headline: release.headline,
    ingress: release.ingress,
    body: body.join("\n\n"),
    quotes,
    contacts: release.contacts.join("\n"),
    boilerplate: release.boilerplate,
    topics: [...release.topics],
    regionCode: release.regionCode,
  };
}

/** Inserts the seeds' releases, published, into the demo's programme (inside the demo seed's transaction). */
export function seedPressReleases(tx: Tx, programmeId: number, actor: AuditActor): number {
  const roundId = (ordinal: number) => {
    const row = tx.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.programmeId, programmeId), eq(rounds.ordinal, ordinal))).get();
    if (!row) throw new Error(`The demo has no round ${ordinal}`);
    return row.id;
  };
  if (!tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId)).get()) throw new Error("No demo programme");
  for (const seed of SEED_RELEASES) {
    const target = seed.target(tx, roundId);
    const context = loadPressContext(tx, target, { kind: "all" });
    if (!context) throw new Error(`No press facts for the seed release "${seed.headline}"`);
    const facts = factsOf(context);
    const template = tx.select({ id: pressTemplates.id }).from(pressTemplates).where(eq(pressTemplates.key, seed.template)).get();
    const publishAt = new Date(seed.publishAt);
    insertRelease(
      tx,
      {
        templateId: template?.id ?? null,
        targetKind: target.kind,
        roundId: roundId(seed.round),
        countyCode: seed.countyCode,
        applicationId: target.kind === "recipient" ? target.applicationId : null,
        content: seedSnapshot(seed),
        facts,
        factsHash: factsHashOf(facts),
        status: "published",
        publishAt,
        publishedAt: publishAt,
      },
      actor,
      publishAt,
    );
  }
  return SEED_RELEASES.length;
}
