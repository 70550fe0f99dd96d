import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { toLocale } from "@/lib/i18n/config";

/*
 * The accessibility statement required by lag (2018:1937) om tillgänglighet till digital offentlig service, in the
 * structure of DIGG's model statement. Public: anyone must be able to read it, signed in or not. Swedish is the
 * authoritative text; the English page (/en/tillganglighetsredogorelse) is a translation. Static, once per language.
 */

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "accessibility" }))("title") };
}

const REVIEWED = "23 november 2026";

export default async function AccessibilityStatementPage({ params }: Props) {
  const locale = toLocale((await params).locale);
  setRequestLocale(locale);
  return locale === "en" ? <English /> : <Swedish />;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-8 max-w-prose">
      <h2 className="mb-2 text-2xl font-semibold">{title}</h2>
      <div className="flex flex-col gap-3">{children}</div>
    </section>
  );
}

function Swedish() {
  return (
    <article>
      <PageHeader
        title="Tillgänglighetsredogörelse"
        description="Sveriges Kommuner och Landsting (SKL) står bakom Anslag, webbtjänsten för Program för Hållbar jämställdhet. Vi vill att så många som möjligt ska kunna använda tjänsten. Här beskriver vi hur Anslag uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem."
      />
      <Section title="Hur tillgänglig är webbtjänsten?">
        <p>
          Vi bedömer att Anslag helt uppfyller lagens krav, det vill säga nivå AA i Web Content Accessibility Guidelines
          (WCAG) 2.1. Vi känner inte till några brister i tjänstens egna sidor.
        </p>
        <p>
          Tjänsten går att använda med enbart tangentbord, fungerar med skärmläsare, kan förstoras till 400 procent utan
          att innehåll försvinner och anpassar sig till små skärmar. Varje sida börjar med en länk för att hoppa direkt
          till innehållet. Felmeddelanden i formulär visas vid det fält de gäller och läses upp av skärmläsare.
        </p>
      </Section>
      <Section title="Vad kan du göra om du inte kan använda delar av webbtjänsten?">
        <p>
          Om du behöver innehåll från Anslag i ett annat format, till exempel ett beslutsbrev i ett format som fungerar
          för dig, kan du kontakta oss på <a className="text-brand-700 underline" href="mailto:tillganglighet@skl.se">tillganglighet@skl.se</a>{" "}
          eller på telefon 08-452 70 00. Vi svarar inom två arbetsdagar.
        </p>
      </Section>
      <Section title="Rapportera brister i webbtjänstens tillgänglighet">
        <p>
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den
          här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss på{" "}
          <a className="text-brand-700 underline" href="mailto:tillganglighet@skl.se">tillganglighet@skl.se</a> så att vi vet att problemet finns.
        </p>
      </Section>
      <Section title="Tillsyn">
        <p>
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital
          offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{" "}
          <a className="text-brand-700 underline" href="https://www.digg.se/tdosanmalan">
            kontakta Digg och påtala det
          </a>
          .
        </p>
      </Section>
      <Section title="Teknisk information om webbtjänstens tillgänglighet">
        <p>Webbtjänsten är helt förenlig med lagen om tillgänglighet till digital offentlig service.</p>
      </Section>
      <Section title="Hur vi testat webbtjänsten">
        <p>
          Varje sida i tjänsten granskas automatiskt med verktyget axe mot WCAG 2.1 nivå A och AA vid varje ändring av
          koden; en ändring som ger en avvikelse släpps inte. Därtill testar vi med tangentbord, skärmläsare och
          förstoring. Senaste bedömningen gjordes den {REVIEWED}.
        </p>
        <p>Redogörelsen uppdaterades senast den {REVIEWED}.</p>
      </Section>
    </article>
  );
}

function English() {
  return (
    <article>
      <PageHeader
        title="Accessibility statement"
        description="The Swedish Association of Local Authorities and Regions (SKL) is responsible for Anslag, the web service of the Programme for Sustainable Gender Equality. We want as many people as possible to be able to use it. This page describes how Anslag complies with the Swedish Act on accessibility to digital public services, any known issues, and how to report problems so that we can fix them. The Swedish statement is the authoritative one."
      />
      <Section title="How accessible is the service?">
        <p>
          We consider Anslag to be fully compliant with the Act, that is, with level AA of the Web Content
          Accessibility Guidelines (WCAG) 2.1. We know of no shortcomings in the service&apos;s own pages.
        </p>
        <p>
          The service can be used with a keyboard alone, works with screen readers, can be zoomed to 400 percent
          without loss of content and adapts to small screens. Every page starts with a link that skips to the main
          content. Form errors are shown at the field they concern and are announced by screen readers.
        </p>
      </Section>
      <Section title="What to do if you cannot use parts of the service">
        <p>
          If you need content from Anslag in another format, contact us at{" "}
          <a className="text-brand-700 underline" href="mailto:tillganglighet@skl.se">tillganglighet@skl.se</a> or +46 8 452 70 00. We
          answer within two working days.
        </p>
      </Section>
      <Section title="Reporting accessibility problems">
        <p>
          If you find problems not described on this page, or think we do not meet the requirements of the Act, tell us
          at <a className="text-brand-700 underline" href="mailto:tillganglighet@skl.se">tillganglighet@skl.se</a>.
        </p>
      </Section>
      <Section title="Enforcement">
        <p>
          The Agency for Digital Government (Digg) supervises the Act. If you are not satisfied with how we handle your
          comments, you can{" "}
          <a className="text-brand-700 underline" href="https://www.digg.se/tdosanmalan">
            contact Digg
          </a>
          .
        </p>
      </Section>
      <Section title="How we tested the service">
        <p>
          Every page is checked automatically with axe against WCAG 2.1 A and AA on every change to the code, and we
          test with keyboard, screen reader and zoom. The latest review was made on 23 November 2026.
        </p>
      </Section>
    </article>
  );
}
