import { getTranslations } from "next-intl/server";

/**
 * Download links for an application's decision letter, Word and PDF. Mount it where the decision is shown, only
 * when there is one: the route answers 404 for an undecided application.
 */
export async function DecisionLetterLinks({ applicationId }: { applicationId: number }) {
  const t = await getTranslations("letters");
  const href = `/ansokningar/${applicationId}/beslutsbrev`;
  return (
    <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
      <a href={`${href}?format=docx`} className="text-brand-700 underline" download>
        {t("docx")}
      </a>
      <a href={`${href}?format=pdf`} className="text-brand-700 underline" download>
        {t("pdf")}
      </a>
    </p>
  );
}
