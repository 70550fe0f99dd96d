import { getTranslations } from "next-intl/server";
import type { TimelineStep } from "@/lib/applications/timeline";
import { getUiFormat } from "@/lib/i18n/server";

/** The steps of an application, oldest first, as an ordered list (a screen reader hears "list, n items"). */
export async function ApplicationTimeline({ steps }: { steps: readonly TimelineStep[] }) {
  const t = await getTranslations("portal");
  const f = await getUiFormat();
  return (
    <ol className="relative ms-2 border-s-2 border-slate-300">
      {steps.map((step, i) => (
        <li key={`${step.kind}-${i}`} className="mb-4 ms-4 last:mb-0">
          <span aria-hidden="true" className="absolute -start-[7px] mt-1.5 h-3 w-3 rounded-full border-2 border-white bg-brand-700" />
          <span className="font-semibold">{t(`steps.${step.kind}`)}</span>
          <span className="block text-slate-700">{f.day(step.on)}</span>
        </li>
      ))}
    </ol>
  );
}
