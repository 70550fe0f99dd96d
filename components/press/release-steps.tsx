"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { RELEASE_STEP_RULES, type ReleaseStep } from "@/lib/press/workflow";

type StepValues = { releaseId: number; version: number; step: ReleaseStep; publishAt: string; comment: string };

type Props = {
  releaseId: number;
  version: number;
  /** The steps this user may take from the release's status (the page asks the permission table). */
  steps: ReleaseStep[];
  stale: boolean;
  /** A suggested time for scheduling: the next full hour, as a datetime-local value in Stockholm time. */
  suggestedTime: string;
  action: (values: StepValues) => Promise<ActionResult<{ id: number; version: number }>>;
};

/** The review flow's next steps as buttons; scheduling asks for a time, sending back for a reason. */
export function ReleaseSteps({ releaseId, version, steps, stale, suggestedTime, action }: Props) {
  const t = useTranslations("press");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [publishAt, setPublishAt] = useState(suggestedTime);
  const [comment, setComment] = useState("");
  const needsTime = steps.some((s) => RELEASE_STEP_RULES[s].needsTime);
  const needsComment = steps.some((s) => RELEASE_STEP_RULES[s].needsComment);

  const take = (step: ReleaseStep) => {
    setError(null);
    startTransition(async () => {
      const result = await action({ releaseId, version, step, publishAt, comment });
      if (result.ok) {
        setComment("");
        router.refresh();
        return;
      }
      const fieldMessage = result.fieldErrors?.publishAt?.[0] ?? result.fieldErrors?.comment?.[0];
      setError({
        message: translateValidationMessage(fieldMessage ?? result.formError, locale),
        field: result.fieldErrors?.publishAt ? "publishAt" : result.fieldErrors?.comment ? "comment" : undefined,
      });
    });
  };

  if (steps.length === 0) return <p className="text-slate-700">{t("noSteps")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {error ? (
        <div role="alert">
          <Alert tone="error">{error.message}</Alert>
        </div>
      ) : null}
      {needsTime ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="publish-at" className="font-medium">
            {t("publishAt")}
          </label>
          <p id="publish-at-hint" className="text-sm text-slate-700">
            {t("publishAtHint")}
          </p>
          <input
            id="publish-at"
            type="datetime-local"
            value={publishAt}
            onChange={(e) => setPublishAt(e.target.value)}
            aria-describedby="publish-at-hint"
            aria-invalid={error?.field === "publishAt" ? true : undefined}
            className="min-h-11 max-w-xs rounded-md border border-slate-500 px-3"
          />
        </div>
      ) : null}
      {needsComment ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="step-comment" className="font-medium">
            {t("sendBackComment")}
          </label>
          <textarea
            id="step-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={error?.field === "comment" ? true : undefined}
            className="rounded-md border border-slate-500 px-3 py-2"
          />
        </div>
      ) : null}
      {stale && steps.some((s) => RELEASE_STEP_RULES[s].goesPublic) ? <p className="text-sm text-red-800">{t("staleBlocksPublish")}</p> : null}
      <div className="flex flex-wrap gap-2">
        {steps.map((step) => (
          <Button
            key={step}
            variant={step === "publish" || step === "approve" || step === "submit" ? "primary" : "secondary"}
            disabled={pending || (stale && RELEASE_STEP_RULES[step].goesPublic === true)}
            onClick={() => take(step)}
          >
            {t(`step.${step}`)}
          </Button>
        ))}
      </div>
    </div>
  );
}
