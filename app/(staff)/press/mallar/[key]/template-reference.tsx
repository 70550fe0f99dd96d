"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export type ReferenceEntry = { name: string; description: string; example: string };

function matches(entry: ReferenceEntry, query: string): boolean {
  if (query === "") return true;
  const q = query.toLocaleLowerCase("sv");
  return [entry.name, entry.description, entry.example].some((text) => text.toLocaleLowerCase("sv").includes(q));
}

/**
 * What a template may use: every variable and every filter with its meaning and an example. Two long lists, so each
 * is a disclosure (details/summary) and one search field narrows both; a search opens them.
 */
export function TemplateReference({ variables, filters }: { variables: readonly ReferenceEntry[]; filters: readonly ReferenceEntry[] }) {
  const t = useTranslations("pressTemplates");
  const [query, setQuery] = useState("");
  const searchId = useId();
  const headingId = useId();
  const q = query.trim();
  const shownVariables = variables.filter((v) => matches(v, q));
  const shownFilters = filters.filter((f) => matches(f, q));

  return (
    <section aria-labelledby={headingId} className="mt-10 border-t border-slate-300 pt-6">
      <h2 id={headingId} className="text-2xl font-semibold">
        {t("referenceHeading")}
      </h2>
      <p className="mt-2 max-w-prose text-slate-700">{t.rich("referenceIntro", {
          loop: "{% for r in recipients %} … {{ r.amount | belopp }} … {% endfor %}",
          code: (chunks) => <code className="font-mono text-sm">{chunks}</code>,
        })}</p>
      <div className="mt-4 flex max-w-md flex-col gap-1">
        <label htmlFor={searchId} className="font-medium">
          {t("referenceSearch")}
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="min-h-11 rounded-md border border-slate-500 px-3 py-2"
          autoComplete="off"
        />
      </div>
      <p className="sr-only" role="status">
        {q ? t("referenceFound", { variables: shownVariables.length, filters: shownFilters.length }) : ""}
      </p>
      <ReferenceList
        // A search opens both lists (the key makes a new details element, open, for each search).
        key={`v-${q !== ""}`}
        open={q !== ""}
        title={t("variablesHeading", { count: shownVariables.length })}
        entries={shownVariables}
        exampleLabel={t("example")}
        emptyLabel={t("referenceNone")}
        code={(name) => name}
      />
      <ReferenceList
        key={`f-${q !== ""}`}
        open={q !== ""}
        title={t("filtersHeading", { count: shownFilters.length })}
        entries={shownFilters}
        exampleLabel={t("example")}
        emptyLabel={t("referenceNone")}
        code={(name) => `| ${name}`}
      />
    </section>
  );
}

function ReferenceList({
  title,
  entries,
  open,
  exampleLabel,
  emptyLabel,
  code,
}: {
  title: string;
  entries: readonly ReferenceEntry[];
  open: boolean;
  exampleLabel: string;
  emptyLabel: string;
  code: (name: string) => string;
}) {
  return (
    <details open={open} className="mt-4 rounded-md border border-slate-300 bg-white">
      <summary className="cursor-pointer px-4 py-3 text-lg font-semibold">{title}</summary>
      {entries.length === 0 ? (
        <p className="px-4 pb-4 text-slate-700">{emptyLabel}</p>
      ) : (
        <dl className="divide-y divide-slate-200 px-4 pb-2">
          {entries.map((entry) => (
            <div key={entry.name} className="py-3">
              <dt>
                <code className="font-mono text-sm font-semibold break-all text-brand-900">{code(entry.name)}</code>
              </dt>
              <dd className="mt-1">{entry.description}</dd>
              <dd className="mt-1 text-sm text-slate-700">
                {exampleLabel}: <span className="font-mono break-words">{entry.example}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  );
}
