import { getLocale, getTranslations } from "next-intl/server";
import { hasPermission } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { uiFormat } from "@/lib/format/ui";
import { toLocale } from "@/lib/i18n/config";
import { loadRoundStatistics, type RoundStatistics as Statistics } from "@/lib/statistics/round";
import { roundSummarySentence } from "@/lib/statistics/summary";
import { GrantsChart, type GrantsChartLabels, type GrantsChartRow } from "./grants-chart";

const COUNT = new Intl.NumberFormat("sv-SE");
const TOP_IN_SUMMARY = 3;

/**
 * A round's figures for the round page: the summary sentence, the key figures and the grants per county and per
 * organisation kind. Renders nothing for a user without "statistics:read" (the page decides who sees the round;
 * this decides who sees its statistics).
 */
export async function RoundStatistics({ roundId }: { roundId: number }) {
  const user = await getCurrentUser();
  if (!hasPermission(user, "statistics:read")) return null;
  const statistics = loadRoundStatistics(roundId);
  if (!statistics) return null;
  return <RoundStatisticsView statistics={statistics} />;
}

type T = Awaited<ReturnType<typeof getTranslations>>;

export async function RoundStatisticsView({ statistics: s }: { statistics: Statistics }) {
  const [t, tKind, locale] = await Promise.all([getTranslations("statistics"), getTranslations("organisationKind"), getLocale()]);
  const f = uiFormat(toLocale(locale));
  const amounts = (group: AmountGroup) => amountsOf(group, f);
  // Swedish is built by the press-style sentence builder (words for small numbers, "27,5 miljoner"); other
  // languages use their message.
  const sentence =
    locale === "sv"
      ? roundSummarySentence(s)
      : t("summary", { received: s.received, approved: s.approved, undecided: s.undecided, granted: f.amount(s.granted) });

  const figures: { key: string; label: string; value: string }[] = [
    { key: "received", label: t("received"), value: COUNT.format(s.received) },
    { key: "approved", label: t("approved"), value: COUNT.format(s.approved) },
    { key: "rejected", label: t("rejected"), value: COUNT.format(s.rejected) },
    { key: "undecided", label: t("undecided"), value: COUNT.format(s.undecided) },
    { key: "granted", label: t("granted"), value: f.amount(s.granted) },
    { key: "budget", label: t("budget"), value: f.amount(s.budget) },
    { key: "budgetLeft", label: t("budgetLeft"), value: f.amount(s.budgetLeft) },
  ];

  const countyRows: GrantsChartRow[] = s.byCounty.map((c) => ({
    key: c.countyCode ?? "none",
    label: c.countyName ?? t("unknownCounty"),
    ...amounts(c),
  }));
  const kindRows: GrantsChartRow[] = s.byKind.map((k) => ({ key: k.kind, label: tKind(k.kind), ...amounts(k) }));

  return (
    <section aria-labelledby="statistik" className="mb-8 flex flex-col gap-4">
      <h2 id="statistik" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose text-lg">{sentence}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((f) => (
          <div key={f.key} className="rounded-md border border-slate-300 bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">{f.label}</dt>
            <dd className="text-xl font-semibold tabular-nums text-slate-900">{f.value}</dd>
          </div>
        ))}
      </dl>
      {s.received > 0 ? (
        s.granted > 0 ? (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <GrantsChart rows={countyRows} labels={chartLabels(t, f, locale, s, "county", countyRows)} />
            <GrantsChart rows={kindRows} labels={chartLabels(t, f, locale, s, "kind", kindRows)} />
          </div>
        ) : (
          <p>{t("noGrants")}</p>
        )
      ) : null}
    </section>
  );
}

type AmountGroup = { applications: number; approved: number; granted: number };

function amountsOf(group: AmountGroup, f: ReturnType<typeof uiFormat>) {
  return {
    applications: group.applications,
    approved: group.approved,
    granted: group.granted,
    grantedShort: f.amountShort(group.granted),
    grantedExact: f.amount(group.granted),
  };
}

function chartLabels(t: T, f: ReturnType<typeof uiFormat>, locale: string, s: Statistics, dimension: "county" | "kind", rows: GrantsChartRow[]): GrantsChartLabels {
  const title = dimension === "county" ? t("byCountyTitle") : t("byKindTitle");
  const top = rows
    .filter((r) => r.granted > 0)
    .slice(0, TOP_IN_SUMMARY)
    .map((r) => t("chartItem", { label: r.label, amount: r.grantedShort }));
  return {
    title,
    note: dimension === "county" ? t("byCountyNote") : undefined,
    summary: t("chartSummary", { title: title.toLocaleLowerCase(locale), top: new Intl.ListFormat(locale, { type: "conjunction" }).format(top) }),
    showTable: t("showTable"),
    group: dimension === "county" ? t("county") : t("kind"),
    applications: t("applications"),
    approved: t("approvedCount"),
    granted: t("grantedAmount"),
    total: t("total"),
    totalGranted: f.amount(s.granted),
  };
}
