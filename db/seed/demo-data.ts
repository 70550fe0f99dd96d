import type { DecisionOutcome, OrganisationKind, RoundStatus } from "../schema";

/*
 * The demo data as plain tables, written to the database by ./demo.ts.
 *
 * Real facts come from the three press releases in ../shared/seeds/ (the programme, its 225 miljoner, the fourth
 * round's 17 recipients with Umeå 1,7 and Lycksele 1,2 miljoner, the fifth and last round's 21 of 45 applications
 * and 27,5 miljoner, Växjö 1,4 and Borås 1,2 miljoner, their contacts and project descriptions). Everything else is
 * invented: real municipality, county council and company names with made-up projects. Invented contacts have
 * made-up names, e-mail addresses under ".example" and telephone numbers from the series 070-174 06 05 – 070-174 06 99,
 * which the Swedish regulator (PTS) reserves for fiction, so nothing here reaches a real person.
 *
 * seedDemo checks the totals (round 5: 45 applications, 21 approved, 27 500 000 kronor; round 4: 17 approved), so an
 * edit that breaks them fails loudly.
 */

export const DEMO_PROGRAMME = {
  name: "Program för Hållbar jämställdhet",
  nameEn: "Programme for Sustainable Gender Equality",
  code: "HJ",
  funder: "regeringen",
  allocation: 225_000_000,
  /**
   * The first three rounds (2009-2011) were run before Anslag and are not in the demo: their grants, 105,5 miljoner,
   * bring the programme's total after the fifth round to the 162 miljoner of SKL's release.
   */
  grantedBefore: 105_500_000,
} as const;

export const FOCUS_AREAS = [
  "Medborgarservice",
  "Styr- och ledningssystem",
  "Äldreomsorg",
  "Hälso- och sjukvård",
  "Utbildning",
  "Förskola och skola",
  "Socialtjänst",
  "Funktionsstöd",
  "Kollektivtrafik",
  "Samhällsplanering",
  "Kultur och fritid",
  "Upphandling",
  "Regional utveckling",
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

// ---------------------------------------------------------------- organisations

export type DemoOrganisation = {
  /** As printed: "Umeå kommun", "Borås Stad". */
  name: string;
  shortName: string;
  kind: OrganisationKind;
  /** SCB kommunkod, for a kommun (and Region Gotland, which is one). The county then follows from it. */
  municipalityCode?: string;
  /** SCB länskod, for a landsting, region, regionförbund or other body of one county. */
  countyCode?: string;
};

const kommun = (name: string, shortName: string, municipalityCode: string): DemoOrganisation => ({
  name,
  shortName,
  kind: "kommun",
  municipalityCode,
});

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  // kommuner (name as printed, SCB code checked against db/reference/municipalities.csv)
  kommun("Umeå kommun", "Umeå", "2480"),
  kommun("Lycksele kommun", "Lycksele", "2481"),
  kommun("Borås Stad", "Borås", "1490"),
  kommun("Marks kommun", "Mark", "1463"),
  kommun("Vårgårda kommun", "Vårgårda", "1442"),
  kommun("Tranemo kommun", "Tranemo", "1452"),
  kommun("Bollebygds kommun", "Bollebygd", "1443"),
  kommun("Växjö kommun", "Växjö", "0780"),
  kommun("Linköpings kommun", "Linköping", "0580"),
  kommun("Skellefteå kommun", "Skellefteå", "2482"),
  kommun("Kiruna kommun", "Kiruna", "2584"),
  kommun("Norrköpings kommun", "Norrköping", "0581"),
  kommun("Eskilstuna kommun", "Eskilstuna", "0484"),
  kommun("Västerås stad", "Västerås", "1980"),
  kommun("Luleå kommun", "Luleå", "2580"),
  kommun("Falu kommun", "Falun", "2080"),
  kommun("Haninge kommun", "Haninge", "0136"),
  kommun("Vilhelmina kommun", "Vilhelmina", "2462"),
  kommun("Lunds kommun", "Lund", "1281"),
  kommun("Trollhättans Stad", "Trollhättan", "1488"),
  kommun("Hudiksvalls kommun", "Hudiksvall", "2184"),
  kommun("Motala kommun", "Motala", "0583"),
  kommun("Östersunds kommun", "Östersund", "2380"),
  kommun("Örnsköldsviks kommun", "Örnsköldsvik", "2284"),
  kommun("Göteborgs Stad", "Göteborg", "1480"),
  kommun("Malmö stad", "Malmö", "1280"),
  kommun("Uppsala kommun", "Uppsala", "0380"),
  kommun("Örebro kommun", "Örebro", "1880"),
  kommun("Karlstads kommun", "Karlstad", "1780"),
  kommun("Gävle kommun", "Gävle", "2180"),
  kommun("Sundsvalls kommun", "Sundsvall", "2281"),
  kommun("Kalmar kommun", "Kalmar", "0880"),
  kommun("Halmstads kommun", "Halmstad", "1380"),
  kommun("Jönköpings kommun", "Jönköping", "0680"),
  kommun("Piteå kommun", "Piteå", "2581"),
  kommun("Sollefteå kommun", "Sollefteå", "2283"),
  kommun("Strömsunds kommun", "Strömsund", "2313"),
  kommun("Härnösands kommun", "Härnösand", "2280"),
  kommun("Mora kommun", "Mora", "2062"),
  kommun("Sala kommun", "Sala", "1981"),
  kommun("Arvika kommun", "Arvika", "1784"),
  kommun("Ljungby kommun", "Ljungby", "0781"),
  kommun("Markaryds kommun", "Markaryd", "0767"),
  kommun("Kristianstads kommun", "Kristianstad", "1290"),
  kommun("Helsingborgs stad", "Helsingborg", "1283"),
  kommun("Ystads kommun", "Ystad", "1286"),
  kommun("Åre kommun", "Åre", "2321"),
  kommun("Ängelholms kommun", "Ängelholm", "1292"),
  kommun("Nacka kommun", "Nacka", "0182"),
  kommun("Botkyrka kommun", "Botkyrka", "0127"),
  kommun("Södertälje kommun", "Södertälje", "0181"),

  // regioner (Region Gotland is a kommun with a region's tasks)
  { name: "Region Skåne", shortName: "Skåne", kind: "region", countyCode: "12" },
  { name: "Region Halland", shortName: "Halland", kind: "region", countyCode: "13" },
  { name: "Västra Götalandsregionen", shortName: "Västra Götaland", kind: "region", countyCode: "14" },
  { name: "Region Gotland", shortName: "Gotland", kind: "region", municipalityCode: "0980" },

  // landsting
  { name: "Stockholms läns landsting", shortName: "Stockholm", kind: "landsting", countyCode: "01" },
  { name: "Landstinget Blekinge", shortName: "Blekinge", kind: "landsting", countyCode: "10" },
  { name: "Landstinget i Värmland", shortName: "Värmland", kind: "landsting", countyCode: "17" },
  { name: "Landstinget Västmanland", shortName: "Västmanland", kind: "landsting", countyCode: "19" },
  { name: "Landstinget Dalarna", shortName: "Dalarna", kind: "landsting", countyCode: "20" },
  { name: "Landstinget Gävleborg", shortName: "Gävleborg", kind: "landsting", countyCode: "21" },
  { name: "Jämtlands läns landsting", shortName: "Jämtland", kind: "landsting", countyCode: "23" },
  { name: "Västerbottens läns landsting", shortName: "Västerbotten", kind: "landsting", countyCode: "24" },
  { name: "Norrbottens läns landsting", shortName: "Norrbotten", kind: "landsting", countyCode: "25" },

  // regionförbund
  { name: "Regionförbundet Östsam", shortName: "Östsam", kind: "regionforbund", countyCode: "05" },
  { name: "Regionförbundet i Kalmar län", shortName: "Kalmar län", kind: "regionforbund", countyCode: "08" },

  // företag
  { name: "Västtrafik AB", shortName: "Västtrafik", kind: "foretag", countyCode: "14" },
  { name: "Uppsalahem AB", shortName: "Uppsalahem", kind: "foretag", municipalityCode: "0380" },
  { name: "Mitthem AB", shortName: "Mitthem", kind: "foretag", municipalityCode: "2281" },

  // samverkansorgan
  { name: "Sjuhärads kommunalförbund", shortName: "Sjuhärad", kind: "samverkansorgan", countyCode: "14" },
  {
    name: "Samordningsförbundet Östra Södertörn",
    shortName: "Östra Södertörn",
    kind: "samverkansorgan",
    countyCode: "01",
  },
];

// ---------------------------------------------------------------- applications

export type DemoContact = { name: string; title: string; phone: string; email: string };

export type DemoApplication = {
  /** The lead organisation, by its printed name in DEMO_ORGANISATIONS. */
  lead: string;
  /** Further organisations of a joint application, by name, in order. */
  coApplicants?: readonly string[];
  projectTitle: string;
  description: string;
  focusAreas: readonly FocusArea[];
  requestedAmount: number;
  contact: DemoContact;
  outcome: DecisionOutcome;
  /** 0 when rejected; at most requestedAmount when approved. */
  grantedAmount: number;
  motivation: string;
};

export type DemoRound = {
  ordinal: number;
  year: number;
  budget: number;
  opensOn: string;
  closesOn: string;
  decisionOn: string;
  status: RoundStatus;
  isLast: boolean;
  criteria: string;
  applications: readonly DemoApplication[];
};

const contact = (name: string, title: string, phone: string, email: string): DemoContact => ({
  name,
  title,
  phone,
  email,
});

// Real contacts from the press releases (only the e-mail addresses are made up).
const HELENE_BREWER = contact("Helene Brewer", "jämställdhetsstrateg", "090-16 19 15", "helene.brewer@umea.example");
const MARIE_OHLUND = contact("Marie Öhlund", "utvecklingsledare", "0950-164 22", "marie.ohlund@lycksele.example");

/** Why an application was turned down; each rejection quotes one. */
export const REJECTION_REASONS = {
  hallbarhet:
    "Ansökan beskriver inte hur arbetet ska leva vidare när projektmedlen är slut; förutsättningarna för hållbarhet är otydliga.",
  medborgarperspektiv:
    "Ansökan saknar ett tydligt medborgarperspektiv: det framgår inte vilka effekter arbetet får för kvinnor och män, flickor och pojkar som använder verksamheten.",
  spridning:
    "Arbetet är avgränsat till en enskild enhet utan plan för spridning till större delar av organisationen.",
  intern:
    "Ansökan avser i huvudsak intern kompetensutveckling utan koppling till styr- och ledningssystem eller till servicen.",
  ram: "Ansökan uppfyller kriterierna men har fått stå tillbaka för ansökningar med större spridning inom omgångens ram.",
  tidigareMedel:
    "Organisationen har ett pågående utvecklingsarbete med medel från fjärde omgången; nya verksamheter har prioriterats.",
} as const;

const APPROVED_4 =
  "Beviljas. Ansökan bygger vidare på ett påbörjat utvecklingsarbete och har goda förutsättningar att göra jämställdhet till en naturlig del av styrning och verksamhet.";
const APPROVED_4_PART =
  "Beviljas delvis. Ansökan bygger vidare på ett påbörjat utvecklingsarbete; beloppet har anpassats till omgångens ram.";
const APPROVED_5 =
  "Beviljas. Tydligt medborgarperspektiv, förankring i ledningen och goda förutsättningar för hållbarhet även efter 2014.";
const APPROVED_5_PART =
  "Beviljas delvis. Tydligt medborgarperspektiv och goda förutsättningar för hållbarhet efter 2014; beloppet har anpassats till omgångens ram.";

const rejected = (
  reason: keyof typeof REJECTION_REASONS,
): Pick<DemoApplication, "outcome" | "grantedAmount" | "motivation"> => ({
  outcome: "rejected",
  grantedAmount: 0,
  motivation: `Avslås. ${REJECTION_REASONS[reason]}`,
});

// ---------------------------------------------------------------- round 4 (2012): 24 applications, 17 approved

const ROUND_4_APPLICATIONS: readonly DemoApplication[] = [
  {
    lead: "Umeå kommun",
    projectTitle: "Jämställdhetsperspektivet i styr- och ledningssystem",
    description:
      "En fördjupning av jämställdhetsperspektivet i kommunens styr- och ledningssystem för att uppnå en jämställd medborgarservice på lång sikt. Målgrupp är framförallt mellanchefer/utvecklingsledare samt politiker.",
    focusAreas: ["Styr- och ledningssystem", "Medborgarservice"],
    requestedAmount: 1_900_000,
    contact: HELENE_BREWER,
    outcome: "approved",
    grantedAmount: 1_700_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Lycksele kommun",
    projectTitle: "JämGIS och jämställd biståndshandläggning",
    description:
      "Kommunen utvecklar sitt jämställdhetsverktyg JämGIS. En särskild insats berör biståndshandläggningen inom äldreomsorgen, där en analys görs av hur biståndsärenden bedöms och beslutas ur ett könsperspektiv.",
    focusAreas: ["Äldreomsorg", "Medborgarservice"],
    requestedAmount: 1_200_000,
    contact: MARIE_OHLUND,
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Sjuhärads kommunalförbund",
    coApplicants: ["Borås Stad", "Marks kommun", "Vårgårda kommun", "Tranemo kommun", "Bollebygds kommun"],
    projectTitle: "Jämställd medborgarservice i Sjuhärad",
    description:
      "Ett kommunöverskridande projekt där Borås, Mark, Vårgårda, Tranemo och Bollebygd utbildar omkring 120 anställda i hållbar jämställdhet och granskar ett 40-tal medborgarprocesser, från bygglov till försörjningsstöd, ur ett jämställdhetsperspektiv.",
    focusAreas: ["Medborgarservice", "Utbildning"],
    requestedAmount: 3_000_000,
    contact: contact("Lena Gustafsson", "projektledare", "070-174 06 05", "lena.gustafsson@sjuharad.example"),
    outcome: "approved",
    grantedAmount: 2_800_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Västerbottens läns landsting",
    projectTitle: "Jämställd vård i primärvården",
    description:
      "Könsuppdelad uppföljning av väntetider, remisser och förskrivning vid länets hälsocentraler, och rutiner som rättar till skillnader i hur kvinnor och män bemöts och behandlas.",
    focusAreas: ["Hälso- och sjukvård", "Styr- och ledningssystem"],
    requestedAmount: 2_500_000,
    contact: contact("Per Nilsson", "utvecklingsstrateg", "070-174 06 06", "per.nilsson@vll.example"),
    outcome: "approved",
    grantedAmount: 2_400_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Region Halland",
    projectTitle: "Jämställd tillgång till rehabilitering",
    description:
      "Kartläggning av vem som erbjuds rehabilitering efter stroke och hjärtinfarkt, och nya rutiner så att kvinnor och män får samma tillgång.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 2_000_000,
    contact: contact("Sofia Ek", "jämställdhetsstrateg", "070-174 06 07", "sofia.ek@regionhalland.example"),
    outcome: "approved",
    grantedAmount: 2_000_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Regionförbundet i Kalmar län",
    projectTitle: "Jämställd regional tillväxt",
    description:
      "Jämställdhetsintegrering av det regionala tillväxtarbetet: könsuppdelad statistik i näringslivsstöd och ett nätverk för länets tolv kommuner.",
    focusAreas: ["Regional utveckling", "Styr- och ledningssystem"],
    requestedAmount: 2_000_000,
    contact: contact("Johan Lindberg", "regional utvecklare", "070-174 06 08", "johan.lindberg@rfkl.example"),
    outcome: "approved",
    grantedAmount: 1_800_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Västtrafik AB",
    projectTitle: "Jämställd kollektivtrafik",
    description:
      "Resvaneundersökningar uppdelade på kön och en översyn av linjenät, turtäthet och trygghet vid hållplatser utifrån kvinnors och mäns olika resmönster.",
    focusAreas: ["Kollektivtrafik", "Medborgarservice"],
    requestedAmount: 1_500_000,
    contact: contact("Maria Holm", "hållbarhetschef", "070-174 06 09", "maria.holm@vasttrafik.example"),
    outcome: "approved",
    grantedAmount: 1_100_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Skellefteå kommun",
    projectTitle: "Jämställd fritid",
    description:
      "Fördelningen av idrottshallstider och föreningsbidrag granskas ur ett jämställdhetsperspektiv, och nya fördelningsregler tas fram tillsammans med föreningslivet.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 1_600_000,
    contact: contact("Anders Öberg", "fritidschef", "070-174 06 10", "anders.oberg@skelleftea.example"),
    outcome: "approved",
    grantedAmount: 1_600_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Kiruna kommun",
    projectTitle: "Jämställd samhällsplanering i stadsomvandlingen",
    description:
      "Medborgardialoger och planeringsunderlag som säkrar att kvinnors och mäns behov väger lika när den nya stadskärnan planeras.",
    focusAreas: ["Samhällsplanering"],
    requestedAmount: 1_200_000,
    contact: contact("Kristina Niemi", "planarkitekt", "070-174 06 11", "kristina.niemi@kiruna.example"),
    outcome: "approved",
    grantedAmount: 1_000_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Landstinget Dalarna",
    projectTitle: "Jämställd hjärtsjukvård",
    description:
      "Analys av skillnader i utredning och behandling av kvinnor och män med hjärtsjukdom, och förbättringsarbete på länets medicinkliniker.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 2_400_000,
    contact: contact("Eva Dahlberg", "verksamhetsutvecklare", "070-174 06 12", "eva.dahlberg@ltdalarna.example"),
    outcome: "approved",
    grantedAmount: 2_000_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Region Skåne",
    projectTitle: "Jämställd läkemedelsförskrivning",
    description:
      "Uppföljning av förskrivningen av läkemedel uppdelad på kön och återkoppling till förskrivare i primärvården och på sjukhusen.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 2_500_000,
    contact: contact("Mikael Persson", "läkemedelsstrateg", "070-174 06 13", "mikael.persson@skane.example"),
    outcome: "approved",
    grantedAmount: 2_500_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Norrköpings kommun",
    projectTitle: "Jämställt försörjningsstöd",
    description:
      "Handläggningen av försörjningsstöd granskas så att kvinnor och män i par får samma krav, stöd och insatser mot arbete.",
    focusAreas: ["Socialtjänst", "Medborgarservice"],
    requestedAmount: 1_500_000,
    contact: contact("Fatima Hassan", "enhetschef försörjningsstöd", "070-174 06 14", "fatima.hassan@norrkoping.example"),
    outcome: "approved",
    grantedAmount: 1_500_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Eskilstuna kommun",
    projectTitle: "Jämställd förskola",
    description:
      "Pedagoger filmar och analyserar vardagen i förskolan och utvecklar arbetssätt som ger flickor och pojkar samma utrymme och förväntningar.",
    focusAreas: ["Förskola och skola", "Utbildning"],
    requestedAmount: 1_800_000,
    contact: contact("Karin Sjöberg", "förskolechef", "070-174 06 15", "karin.sjoberg@eskilstuna.example"),
    outcome: "approved",
    grantedAmount: 1_600_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Västerås stad",
    projectTitle: "Jämställdhetsintegrerad budget",
    description:
      "Budgetprocessen kompletteras med könsuppdelade analyser av vem som får del av kommunens resurser, från nämndernas mål till bokslut.",
    focusAreas: ["Styr- och ledningssystem"],
    requestedAmount: 2_200_000,
    contact: contact("Lars Wallin", "ekonomichef", "070-174 06 16", "lars.wallin@vasteras.example"),
    outcome: "approved",
    grantedAmount: 2_000_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Luleå kommun",
    projectTitle: "Jämställd hemtjänst",
    description:
      "Hur beviljas och utförs hemtjänstinsatser för äldre kvinnor och män? Analysen leder till nya riktlinjer för biståndsbedömning och utförande.",
    focusAreas: ["Äldreomsorg"],
    requestedAmount: 1_500_000,
    contact: contact("Ingrid Lundström", "enhetschef hemtjänst", "070-174 06 17", "ingrid.lundstrom@lulea.example"),
    outcome: "approved",
    grantedAmount: 1_500_000,
    motivation: APPROVED_4,
  },
  {
    lead: "Falu kommun",
    projectTitle: "Jämställd upphandling",
    description:
      "Jämställdhetskrav förs in i upphandlingar av välfärdstjänster, med uppföljning av att leverantörerna ger kvinnor och män likvärdig service.",
    focusAreas: ["Upphandling", "Styr- och ledningssystem"],
    requestedAmount: 1_400_000,
    contact: contact("Jonas Falk", "upphandlingschef", "070-174 06 18", "jonas.falk@falun.example"),
    outcome: "approved",
    grantedAmount: 1_300_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Haninge kommun",
    projectTitle: "Jämställt bemötande i kontaktcenter",
    description:
      "Kontaktcentrets ärenden följs upp per kön, och medarbetarna utbildas i jämställt bemötande och information som når både kvinnor och män.",
    focusAreas: ["Medborgarservice", "Utbildning"],
    requestedAmount: 1_200_000,
    contact: contact("Amra Begić", "kontaktcenterchef", "070-174 06 19", "amra.begic@haninge.example"),
    outcome: "approved",
    grantedAmount: 1_000_000,
    motivation: APPROVED_4_PART,
  },
  {
    lead: "Vilhelmina kommun",
    projectTitle: "Jämställd besöksnäring i fjällvärlden",
    description: "Nätverk och utbildning för kvinnor och män som driver företag inom besöksnäringen.",
    focusAreas: ["Regional utveckling"],
    requestedAmount: 900_000,
    contact: contact("Björn Rask", "näringslivsutvecklare", "070-174 06 20", "bjorn.rask@vilhelmina.example"),
    ...rejected("medborgarperspektiv"),
  },
  {
    lead: "Lunds kommun",
    projectTitle: "Genusmedveten skolmiljö",
    description: "En skola prövar genusmedvetna arbetssätt i undervisning och på raster.",
    focusAreas: ["Förskola och skola"],
    requestedAmount: 1_500_000,
    contact: contact("Elin Håkansson", "skolutvecklare", "070-174 06 21", "elin.hakansson@lund.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Trollhättans Stad",
    projectTitle: "Idrott för alla",
    description: "Föreningsbidragen ses över så att flickors idrott får samma stöd som pojkars.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 1_200_000,
    contact: contact("Mats Berglund", "fritidschef", "070-174 06 22", "mats.berglund@trollhattan.example"),
    ...rejected("ram"),
  },
  {
    lead: "Hudiksvalls kommun",
    projectTitle: "Kvinnors och mäns hälsa i Hälsingland",
    description: "Hälsoprofiler och föreläsningar för kommunens anställda.",
    focusAreas: ["Utbildning"],
    requestedAmount: 800_000,
    contact: contact("Annika Jonsson", "folkhälsosamordnare", "070-174 06 23", "annika.jonsson@hudiksvall.example"),
    ...rejected("intern"),
  },
  {
    lead: "Landstinget Gävleborg",
    projectTitle: "Jämställd ambulanssjukvård",
    description: "Granskning av prioritering och bemötande i ambulanssjukvården utifrån patientens kön.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 2_000_000,
    contact: contact("Peter Hedlund", "ambulanschef", "070-174 06 24", "peter.hedlund@lg.example"),
    ...rejected("hallbarhet"),
  },
  {
    lead: "Motala kommun",
    projectTitle: "Jämställt bibliotek",
    description: "Inköp och programverksamhet på huvudbiblioteket ses över för att nå fler pojkar och män.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 700_000,
    contact: contact("Helena Strand", "bibliotekschef", "070-174 06 25", "helena.strand@motala.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Uppsalahem AB",
    projectTitle: "Trygga bostadsområden",
    description: "Trygghetsvandringar med boende och ny belysning i tre bostadsområden.",
    focusAreas: ["Samhällsplanering"],
    requestedAmount: 1_000_000,
    contact: contact("Oskar Nyberg", "områdeschef", "070-174 06 26", "oskar.nyberg@uppsalahem.example"),
    ...rejected("hallbarhet"),
  },
];

// ---------------------------------------------------------------- round 5 (2013): 45 applications, 21 approved

const ROUND_5_APPLICATIONS: readonly DemoApplication[] = [
  {
    lead: "Växjö kommun",
    projectTitle: "Jämställdhet och mångfald i styr- och ledningssystem",
    description:
      "Målet är att integrera jämställdhet och mångfald i kommunens styr- och ledningssystem, i budget, planering och kompetensutveckling, samt att öka den totala kunskapsnivån bland alla medarbetare. Vägen dit går bland annat genom utbildning, handledning och checklistor för medarbetare, politiker och chefer. Aktivt arbete för jämställdhetsintegrering ska bli ett kriterium vid lönesamtal, och genusglasögon och genustrappan görs till lättåtkomliga verktyg i organisationen.",
    focusAreas: ["Styr- och ledningssystem", "Utbildning"],
    requestedAmount: 1_600_000,
    contact: contact("Suzana Mocevic", "mångfaldssamordnare", "070-174 06 27", "suzana.mocevic@vaxjo.example"),
    outcome: "approved",
    grantedAmount: 1_400_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Borås Stad",
    projectTitle: "Hållbar jämställd medborgarservice",
    description:
      "Borås Stad fortsätter på egen hand arbetet med jämställd medborgarservice som startade i ett kommunöverskridande projekt med Mark, Vårgårda, Tranemo och Bollebygd, och har anställt en jämställdhetssamordnare. Chefer, ekonomer och HR-personal utbildas, och genom e-learning får kommunens drygt 10 000 anställda nytt lärande i jämställdhet. Utbytet med de tidigare medverkande kommunerna fortsätter på nätverksbasis.",
    focusAreas: ["Medborgarservice", "Utbildning"],
    requestedAmount: 1_500_000,
    contact: contact("Carola Samuelsson", "jämställdhetssamordnare", "0768-88 58 18", "carola.samuelsson@boras.example"),
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Landstinget i Värmland",
    projectTitle: "Fler män i förlossningsvården",
    description:
      "Förbättringsarbete med fokus på män i förlossningsvården: fler män ska rekryteras till barnmorskeyrket och förlossningsavdelningarna, och blivande pappor och partner ska bemötas som delaktiga föräldrar.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 1_800_000,
    contact: contact("Anna-Karin Ström", "barnmorska och projektledare", "070-174 06 28", "anna-karin.strom@liv.example"),
    outcome: "approved",
    grantedAmount: 1_500_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Region Skåne",
    projectTitle: "Män som anhöriga",
    description:
      "Förbättringsarbete med fokus på män inom anhörigvården: stödet till anhöriga inom psykiatrin och den palliativa vården ska nå män i samma utsträckning som kvinnor.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 1_300_000,
    contact: contact("Tomas Bengtsson", "utvecklingsledare", "070-174 06 29", "tomas.bengtsson@skane.example"),
    outcome: "approved",
    grantedAmount: 1_300_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Region Gotland",
    projectTitle: "Könsmedveten biståndsbedömning i socialtjänsten",
    description:
      "Biståndshandläggare analyserar hur ansökningar från kvinnor och män bedöms, och inför stöd för en könsmedveten biståndsbedömning i hela socialtjänsten.",
    focusAreas: ["Socialtjänst", "Äldreomsorg"],
    requestedAmount: 1_400_000,
    contact: contact("Linnea Svensson", "projektledare", "070-174 06 30", "linnea.svensson@gotland.example"),
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Regionförbundet Östsam",
    coApplicants: ["Linköpings kommun"],
    projectTitle: "Jämställd samhällsplanering och kollektivtrafik i Östergötland",
    description:
      "Regionförbundet och Linköpings kommun tar gemensamt fram könsuppdelade underlag för trafik- och översiktsplanering, och sprider arbetssättet till länets övriga kommuner.",
    focusAreas: ["Samhällsplanering", "Kollektivtrafik", "Regional utveckling"],
    requestedAmount: 2_000_000,
    contact: contact("Henrik Axelsson", "regional utvecklingsstrateg", "070-174 06 31", "henrik.axelsson@ostsam.example"),
    outcome: "approved",
    grantedAmount: 1_600_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Östersunds kommun",
    projectTitle: "Jämställd skola",
    description:
      "Betyg, studieval och elevhälsa följs upp per kön i alla grundskolor, och skolorna tar fram åtgärder som minskar skillnaderna i resultat mellan flickor och pojkar.",
    focusAreas: ["Förskola och skola"],
    requestedAmount: 1_300_000,
    contact: contact("Maja Englund", "skolutvecklare", "070-174 06 32", "maja.englund@ostersund.example"),
    outcome: "approved",
    grantedAmount: 1_300_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Örnsköldsviks kommun",
    projectTitle: "Jämställd hemtjänst och biståndsbedömning",
    description:
      "Hemtjänstens insatser och biståndsbesluten för äldre kvinnor och män analyseras och riktlinjerna revideras.",
    focusAreas: ["Äldreomsorg"],
    requestedAmount: 1_200_000,
    contact: contact("Gunilla Näslund", "enhetschef biståndsenheten", "070-174 06 33", "gunilla.naslund@ornskoldsvik.example"),
    outcome: "approved",
    grantedAmount: 1_100_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Västra Götalandsregionen",
    projectTitle: "Jämställd vård genom könsuppdelad uppföljning",
    description:
      "Regionens uppföljning av hälso- och sjukvården görs könsuppdelad, och sjukhusens ledningar får analyser som grund för prioriteringar.",
    focusAreas: ["Hälso- och sjukvård", "Styr- och ledningssystem"],
    requestedAmount: 2_000_000,
    contact: contact("Ulrika Carlsson", "analytiker", "070-174 06 34", "ulrika.carlsson@vgregion.example"),
    outcome: "approved",
    grantedAmount: 1_500_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Göteborgs Stad",
    projectTitle: "Jämställd stadsplanering",
    description:
      "En metod för jämställdhetsanalys i detaljplaner och medborgardialoger prövas i tre stadsdelar och förs sedan in i stadens planprocess.",
    focusAreas: ["Samhällsplanering", "Medborgarservice"],
    requestedAmount: 1_800_000,
    contact: contact("David Lindgren", "stadsplanerare", "070-174 06 35", "david.lindgren@goteborg.example"),
    outcome: "approved",
    grantedAmount: 1_600_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Malmö stad",
    projectTitle: "Jämställt försörjningsstöd och arbetsmarknadsinsatser",
    description:
      "Kvinnor och män med försörjningsstöd ska få samma tillgång till arbetsmarknadsinsatser; handläggningen följs upp per kön i alla stadsområden.",
    focusAreas: ["Socialtjänst"],
    requestedAmount: 1_400_000,
    contact: contact("Leila Karimi", "utvecklingssekreterare", "070-174 06 36", "leila.karimi@malmo.example"),
    outcome: "approved",
    grantedAmount: 1_400_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Uppsala kommun",
    projectTitle: "Jämställd idrott och fritid",
    description:
      "Fördelningen av lokaler, tider och bidrag inom idrott och fritid analyseras, och nya riktlinjer ger flickor och pojkar samma möjligheter.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 1_500_000,
    contact: contact("Magnus Eriksson", "idrottsstrateg", "070-174 06 37", "magnus.eriksson@uppsala.example"),
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Örebro kommun",
    projectTitle: "Jämställd medborgarservice i kontaktcenter",
    description:
      "Kontaktcentret och kommunens e-tjänster följs upp per kön, och information och bemötande anpassas så att servicen blir likvärdig.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 1_300_000,
    contact: contact("Camilla Andersson", "kontaktcenterchef", "070-174 06 38", "camilla.andersson@orebro.example"),
    outcome: "approved",
    grantedAmount: 1_300_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Karlstads kommun",
    projectTitle: "Jämställd kulturverksamhet",
    description:
      "Kulturskolans och bibliotekens utbud och deltagare analyseras per kön och ålder, och utbudet utvecklas tillsammans med barn och unga.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 1_200_000,
    contact: contact("Sara Lund", "kulturstrateg", "070-174 06 39", "sara.lund@karlstad.example"),
    outcome: "approved",
    grantedAmount: 1_100_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Gävle kommun",
    projectTitle: "Jämställda insatser enligt LSS",
    description:
      "Beslut om insatser för personer med funktionsnedsättning granskas ur ett könsperspektiv, och handläggningen får ett gemensamt analysstöd.",
    focusAreas: ["Funktionsstöd", "Socialtjänst"],
    requestedAmount: 1_200_000,
    contact: contact("Robert Olofsson", "enhetschef LSS", "070-174 06 40", "robert.olofsson@gavle.example"),
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Stockholms läns landsting",
    projectTitle: "Jämställd primärvård",
    description:
      "Vårdcentralerna följer upp besök, diagnoser och remisser per kön och inför rutiner som ger kvinnor och män likvärdig vård.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 2_000_000,
    contact: contact("Charlotte Wiklund", "jämställdhetsstrateg", "070-174 06 41", "charlotte.wiklund@sll.example"),
    outcome: "approved",
    grantedAmount: 1_600_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Norrbottens läns landsting",
    projectTitle: "Jämställd psykiatri för unga",
    description:
      "Barn- och ungdomspsykiatrin analyserar varför flickor och pojkar söker och får vård i olika utsträckning, och utvecklar bemötandet.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 1_500_000,
    contact: contact("Nils Isaksson", "psykolog och projektledare", "070-174 06 42", "nils.isaksson@nll.example"),
    outcome: "approved",
    grantedAmount: 1_200_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Sundsvalls kommun",
    projectTitle: "Jämställdhetskrav i upphandling",
    description:
      "Kommunens upphandlingar av välfärdstjänster får krav på könsuppdelad statistik och jämställd service, med uppföljning hos leverantörerna.",
    focusAreas: ["Upphandling"],
    requestedAmount: 1_100_000,
    contact: contact("Emma Forsberg", "upphandlare", "070-174 06 43", "emma.forsberg@sundsvall.example"),
    outcome: "approved",
    grantedAmount: 1_100_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Kalmar kommun",
    projectTitle: "Jämställd vuxenutbildning",
    description:
      "Vuxenutbildningens vägledning och utbud ses över så att kvinnor och män söker utbildningar utan att begränsas av könsroller.",
    focusAreas: ["Utbildning"],
    requestedAmount: 1_200_000,
    contact: contact("Hanna Petersson", "rektor vuxenutbildningen", "070-174 06 44", "hanna.petersson@kalmar.example"),
    outcome: "approved",
    grantedAmount: 1_000_000,
    motivation: APPROVED_5_PART,
  },
  {
    lead: "Halmstads kommun",
    projectTitle: "Jämställda föreningsbidrag",
    description:
      "Föreningsbidragen följs upp per kön och regelverket ändras så att bidragen når flickor och pojkar, kvinnor och män lika.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 1_300_000,
    contact: contact("Jesper Svärd", "föreningskonsulent", "070-174 06 45", "jesper.svard@halmstad.example"),
    outcome: "approved",
    grantedAmount: 1_300_000,
    motivation: APPROVED_5,
  },
  {
    lead: "Jönköpings kommun",
    projectTitle: "Jämställd äldreomsorg",
    description:
      "Särskilda boenden och hemtjänst utvärderar aktiviteter, mat och bemötande utifrån äldre kvinnors och mäns önskemål.",
    focusAreas: ["Äldreomsorg"],
    requestedAmount: 1_600_000,
    contact: contact("Birgitta Johansson", "äldreomsorgschef", "070-174 06 46", "birgitta.johansson@jonkoping.example"),
    outcome: "approved",
    grantedAmount: 1_400_000,
    motivation: APPROVED_5_PART,
  },
  // ---- rejected
  {
    lead: "Umeå kommun",
    projectTitle: "Jämställd medborgarservice i alla förvaltningar",
    description: "Spridning av metoderna från styr- och ledningsprojektet till kommunens samtliga förvaltningar.",
    focusAreas: ["Medborgarservice", "Styr- och ledningssystem"],
    requestedAmount: 1_500_000,
    contact: HELENE_BREWER,
    ...rejected("tidigareMedel"),
  },
  {
    lead: "Lycksele kommun",
    projectTitle: "JämGIS i fler verksamheter",
    description: "Jämställdhetsverktyget JämGIS införs i skola och fritid.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 800_000,
    contact: MARIE_OHLUND,
    ...rejected("tidigareMedel"),
  },
  {
    lead: "Piteå kommun",
    projectTitle: "Jämställd snöröjning",
    description: "Ordningen för snöröjning av gator och gång- och cykelvägar ses över.",
    focusAreas: ["Samhällsplanering"],
    requestedAmount: 600_000,
    contact: contact("Stina Bergström", "gatuchef", "070-174 06 47", "stina.bergstrom@pitea.example"),
    ...rejected("ram"),
  },
  {
    lead: "Sollefteå kommun",
    projectTitle: "Jämställdhetsutbildning för chefer",
    description: "En utbildningsdag om jämställdhet för kommunens chefer.",
    focusAreas: ["Utbildning"],
    requestedAmount: 500_000,
    contact: contact("Roger Sundin", "personalchef", "070-174 06 48", "roger.sundin@solleftea.example"),
    ...rejected("intern"),
  },
  {
    lead: "Strömsunds kommun",
    projectTitle: "Unga kvinnor stannar",
    description: "Insatser för att unga kvinnor ska vilja bo kvar i kommunen.",
    focusAreas: ["Regional utveckling"],
    requestedAmount: 900_000,
    contact: contact("Ida Jonasson", "utvecklingsstrateg", "070-174 06 49", "ida.jonasson@stromsund.example"),
    ...rejected("hallbarhet"),
  },
  {
    lead: "Härnösands kommun",
    projectTitle: "Jämställd arbetsmiljö",
    description: "Kartläggning av arbetsmiljön för kvinnor och män bland kommunens anställda.",
    focusAreas: ["Utbildning"],
    requestedAmount: 700_000,
    contact: contact("Patrik Nordin", "HR-strateg", "070-174 06 50", "patrik.nordin@harnosand.example"),
    ...rejected("intern"),
  },
  {
    lead: "Mora kommun",
    projectTitle: "Jämställd skolskjuts",
    description: "Översyn av skolskjutsarnas tider och hållplatser.",
    focusAreas: ["Kollektivtrafik"],
    requestedAmount: 600_000,
    contact: contact("Malin Ersson", "trafikplanerare", "070-174 06 51", "malin.ersson@mora.example"),
    ...rejected("medborgarperspektiv"),
  },
  {
    lead: "Sala kommun",
    projectTitle: "Jämställd fritidsgård",
    description: "Fritidsgården i centrum ska locka fler flickor.",
    focusAreas: ["Kultur och fritid"],
    requestedAmount: 500_000,
    contact: contact("Ola Björk", "fritidsledare", "070-174 06 52", "ola.bjork@sala.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Arvika kommun",
    projectTitle: "Jämställd service i medborgarkontoret",
    description: "Medborgarkontorets bemötande och öppettider ses över.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 800_000,
    contact: contact("Jenny Larsson", "enhetschef", "070-174 06 53", "jenny.larsson@arvika.example"),
    ...rejected("ram"),
  },
  {
    lead: "Ljungby kommun",
    projectTitle: "Genus i förskolan",
    description: "Två förskolor prövar genuspedagogik.",
    focusAreas: ["Förskola och skola"],
    requestedAmount: 700_000,
    contact: contact("Emil Gunnarsson", "förskolechef", "070-174 06 54", "emil.gunnarsson@ljungby.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Markaryds kommun",
    projectTitle: "Jämställdhetsplan för kommunen",
    description: "Framtagande av en ny jämställdhetsplan för kommunen som arbetsgivare.",
    focusAreas: ["Styr- och ledningssystem"],
    requestedAmount: 400_000,
    contact: contact("Therese Olsson", "kommunsekreterare", "070-174 06 55", "therese.olsson@markaryd.example"),
    ...rejected("intern"),
  },
  {
    lead: "Kristianstads kommun",
    projectTitle: "Jämställt ekonomiskt bistånd",
    description: "Analys av handläggningen av ekonomiskt bistånd.",
    focusAreas: ["Socialtjänst"],
    requestedAmount: 1_200_000,
    contact: contact("Fredrik Mårtensson", "enhetschef", "070-174 06 56", "fredrik.martensson@kristianstad.example"),
    ...rejected("ram"),
  },
  {
    lead: "Helsingborgs stad",
    projectTitle: "Jämställd stadsmiljö",
    description: "Trygghetsinventering av parker och torg.",
    focusAreas: ["Samhällsplanering"],
    requestedAmount: 1_500_000,
    contact: contact("Jasmina Hodžić", "stadsmiljöstrateg", "070-174 06 57", "jasmina.hodzic@helsingborg.example"),
    ...rejected("hallbarhet"),
  },
  {
    lead: "Ystads kommun",
    projectTitle: "Jämställd turistinformation",
    description: "Turistbyråns material och bemötande ses över.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 500_000,
    contact: contact("Carl Nordström", "turistchef", "070-174 06 58", "carl.nordstrom@ystad.example"),
    ...rejected("medborgarperspektiv"),
  },
  {
    lead: "Åre kommun",
    projectTitle: "Jämställd bygglovshandläggning",
    description: "Handläggningstider och beslut i bygglovsärenden följs upp per kön.",
    focusAreas: ["Samhällsplanering", "Medborgarservice"],
    requestedAmount: 700_000,
    contact: contact("Louise Pettersson", "bygglovschef", "070-174 06 59", "louise.pettersson@are.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Ängelholms kommun",
    projectTitle: "Jämställd kommunikation",
    description: "Riktlinjer för bilder och språk i kommunens kommunikation.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 600_000,
    contact: contact("Martin Hermansson", "kommunikationschef", "070-174 06 60", "martin.hermansson@angelholm.example"),
    ...rejected("intern"),
  },
  {
    lead: "Nacka kommun",
    projectTitle: "Jämställt valfrihetssystem",
    description: "Analys av hur kvinnor och män använder kundval i hemtjänsten.",
    focusAreas: ["Äldreomsorg"],
    requestedAmount: 1_000_000,
    contact: contact("Cecilia Ahlström", "utredare", "070-174 06 61", "cecilia.ahlstrom@nacka.example"),
    ...rejected("ram"),
  },
  {
    lead: "Botkyrka kommun",
    projectTitle: "Jämställd medborgardialog",
    description: "Dialogmöten i kommundelarna med särskilt fokus på kvinnors deltagande.",
    focusAreas: ["Medborgarservice"],
    requestedAmount: 900_000,
    contact: contact("Ahmed Yusuf", "demokratiutvecklare", "070-174 06 62", "ahmed.yusuf@botkyrka.example"),
    ...rejected("hallbarhet"),
  },
  {
    lead: "Södertälje kommun",
    projectTitle: "Jämställd vägledning i gymnasieskolan",
    description: "Studie- och yrkesvägledningen utbildas i normkritik.",
    focusAreas: ["Förskola och skola", "Utbildning"],
    requestedAmount: 800_000,
    contact: contact("Nina Aydin", "studie- och yrkesvägledare", "070-174 06 63", "nina.aydin@sodertalje.example"),
    ...rejected("spridning"),
  },
  {
    lead: "Landstinget Blekinge",
    projectTitle: "Jämställd tandvård",
    description: "Uppföljning av tandvårdsbesök per kön.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 1_200_000,
    contact: contact("Gustav Holmberg", "verksamhetschef", "070-174 06 64", "gustav.holmberg@ltblekinge.example"),
    ...rejected("medborgarperspektiv"),
  },
  {
    lead: "Jämtlands läns landsting",
    projectTitle: "Jämställd akutsjukvård",
    description: "Analys av väntetider på akutmottagningen för kvinnor och män.",
    focusAreas: ["Hälso- och sjukvård"],
    requestedAmount: 1_500_000,
    contact: contact("Åsa Hägglund", "utvecklingsledare", "070-174 06 65", "asa.hagglund@jll.example"),
    ...rejected("ram"),
  },
  {
    lead: "Landstinget Västmanland",
    projectTitle: "Könsmedveten smärtbehandling",
    description: "Utbildning för personal i smärtbehandling av kvinnor och män.",
    focusAreas: ["Hälso- och sjukvård", "Utbildning"],
    requestedAmount: 1_300_000,
    contact: contact("Pernilla Grahn", "överläkare", "070-174 06 66", "pernilla.grahn@ltv.example"),
    ...rejected("hallbarhet"),
  },
  {
    lead: "Mitthem AB",
    projectTitle: "Jämställt boende",
    description: "Hyresgästenkät uppdelad på kön och trygghetsåtgärder i trapphus.",
    focusAreas: ["Samhällsplanering"],
    requestedAmount: 800_000,
    contact: contact("Kenneth Sjödin", "kundchef", "070-174 06 67", "kenneth.sjodin@mitthem.example"),
    ...rejected("medborgarperspektiv"),
  },
  {
    lead: "Samordningsförbundet Östra Södertörn",
    projectTitle: "Jämställd rehabilitering till arbete",
    description: "Kartläggning av vilka insatser kvinnor och män får i samordnad rehabilitering.",
    focusAreas: ["Socialtjänst"],
    requestedAmount: 900_000,
    contact: contact("Lina Rahman", "förbundschef", "070-174 06 68", "lina.rahman@ostrasodertorn.example"),
    ...rejected("ram"),
  },
];

export const DEMO_ROUNDS: readonly DemoRound[] = [
  {
    ordinal: 4,
    year: 2012,
    budget: 30_000_000,
    opensOn: "2012-02-01",
    closesOn: "2012-04-02",
    decisionOn: "2012-06-14",
    status: "decided",
    isLast: false,
    criteria:
      "Programperioden syftar till att säkra hållbarheten i de utvecklingsarbeten som redan har påbörjats och sprida kunskaper om uppnådda resultat så att fler verksamheter kan jämställdhetsintegreras. Medlen ska göra det möjligt att införliva jämställdhet som en naturlig del i alla styr- och ledningssystem, rutiner och metoder, så att en jämställd fördelning av makt och resurser kan säkerställas och verksamheterna kan erbjuda en likvärdig service till kvinnor, män, flickor och pojkar.",
    applications: ROUND_4_APPLICATIONS,
  },
  {
    ordinal: 5,
    year: 2013,
    budget: 28_000_000,
    opensOn: "2013-01-14",
    closesOn: "2013-03-15",
    decisionOn: "2013-05-23",
    status: "decided",
    isLast: true,
    criteria:
      "Det ska finnas förutsättningar för projektets hållbarhet även efter 2014, och pengarna ska verkligen ge effekter i form av jämställd medborgarservice. SKL vill gärna se en spridning till större delar av kommunen, regionen eller landstinget. Utvecklingsarbetet ska ha ett tydligt medborgarperspektiv: jämställdheten ska integreras i styrsystem och rutiner och leda till konkreta effekter i form av jämställd service och bemötande för elever, brukare och patienter.",
    applications: ROUND_5_APPLICATIONS,
  },
];

/** The totals the press releases state; seedDemo refuses data that does not add up to them. */
export const EXPECTED_TOTALS = {
  4: { approved: 17 },
  5: { applications: 45, approved: 21, granted: 27_500_000 },
} as const;

// ---------------------------------------------------------------- the practice round (demo data, invented)

/*
 * Rounds 4 and 5 are decided, so nothing can be registered or decided in them. The demo therefore also has a
 * programme of its own, plainly named as demo data, with one open round whose applications wait for decisions:
 * every journey (register, edit, decide one by one or in a meeting, import, letters) can be tried there at once.
 * Nothing in it is a fact; it never touches rounds 4 and 5.
 */

export const PRACTICE_PROGRAMME = {
  name: "Demo: övningsprogram för att prova Anslag",
  nameEn: "Demo: practice programme for trying Anslag",
  code: "DEMO",
  funder: "ingen (demodata)",
  allocation: 20_000_000,
} as const;

/** An application that waits for its decision. */
export type DemoPendingApplication = Omit<DemoApplication, "outcome" | "grantedAmount" | "motivation">;

export type DemoPracticeRound = Omit<DemoRound, "status" | "applications"> & {
  status: "open";
  applications: readonly DemoPendingApplication[];
};

export const PRACTICE_ROUND: DemoPracticeRound = {
  ordinal: 1,
  year: 2026,
  budget: 10_000_000,
  opensOn: "2026-11-02",
  closesOn: "2027-01-29",
  decisionOn: "2027-03-18",
  status: "open",
  isLast: false,
  criteria:
    "Demo: en påhittad omgång att öva i. Registrera, ändra och besluta fritt, håll ett beslutsmöte eller importera en fil; inget här är på riktigt och ingen får några pengar.",
  applications: [
    {
      lead: "Umeå kommun",
      projectTitle: "Demo: Jämställd snöröjning i Umeå",
      description: "Påhittat demoprojekt: vilka gator och gångvägar plogas först, och vem gynnas av ordningen?",
      focusAreas: ["Samhällsplanering", "Medborgarservice"],
      requestedAmount: 900_000,
      contact: contact("Alva Demosson", "samhällsplanerare", "070-174 06 90", "alva.demosson@umea.example"),
    },
    {
      lead: "Skellefteå kommun",
      projectTitle: "Demo: Lika villkor i föreningsbidragen",
      description: "Påhittat demoprojekt: en genomgång av hur kommunens föreningsbidrag fördelas mellan flickor och pojkar.",
      focusAreas: ["Kultur och fritid"],
      requestedAmount: 600_000,
      contact: contact("Nils Demander", "fritidschef", "070-174 06 91", "nils.demander@skelleftea.example"),
    },
    {
      lead: "Region Skåne",
      projectTitle: "Demo: Jämställd väntetid på vårdcentralen",
      description: "Påhittat demoprojekt: väntetider och bemötande för kvinnor och män i primärvården.",
      focusAreas: ["Hälso- och sjukvård"],
      requestedAmount: 1_500_000,
      contact: contact("Sara Provberg", "utvecklingsledare", "070-174 06 92", "sara.provberg@skane.example"),
    },
    {
      lead: "Kiruna kommun",
      projectTitle: "Demo: Kollektivtrafik för alla arbetstider",
      description: "Påhittat demoprojekt: busstider som passar vårdens och gruvans skift lika väl.",
      focusAreas: ["Kollektivtrafik"],
      requestedAmount: 700_000,
      contact: contact("Oskar Testlund", "trafikplanerare", "070-174 06 93", "oskar.testlund@kiruna.example"),
    },
    {
      lead: "Falu kommun",
      projectTitle: "Demo: Jämställt bemötande i äldreomsorgen",
      description: "Påhittat demoprojekt: samtalsstöd och uppföljning av insatser för äldre kvinnor och män.",
      focusAreas: ["Äldreomsorg", "Socialtjänst"],
      requestedAmount: 1_100_000,
      contact: contact("Maja Exempelsson", "enhetschef", "070-174 06 94", "maja.exempelsson@falun.example"),
    },
    {
      lead: "Växjö kommun",
      projectTitle: "Demo: Könsuppdelad statistik i budgetarbetet",
      description: "Påhittat demoprojekt: nämndernas underlag till budgeten redovisas för kvinnor och män.",
      focusAreas: ["Styr- och ledningssystem"],
      requestedAmount: 800_000,
      contact: contact("Per Prövning", "controller", "070-174 06 95", "per.provning@vaxjo.example"),
    },
  ],
};
