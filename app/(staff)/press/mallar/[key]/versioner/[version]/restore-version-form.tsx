"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { restoreTemplateAction } from "../../../actions";
import { restoredHref } from "../../../template-notice";

/**
 * Restoring is two steps: the button asks, a confirmation says what will happen (the old text becomes a new version;
 * nothing is deleted) and only its "Yes" restores. Focus moves into the confirmation and back when it is cancelled.
 */
export function RestoreVersionForm({
  templateId,
  templateKey,
  currentVersion,
  restoreVersion,
}: {
  templateId: number;
  templateKey: string;
  currentVersion: number;
  restoreVersion: number;
}) {
  const t = useTranslations("pressTemplates");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLDivElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const restore = () => {
    setError(null);
    startTransition(async () => {
      const result = await restoreTemplateAction({ templateId, version: currentVersion, restoreVersion });
      if (result.ok) {
        router.push(restoredHref(result.data.key, restoreVersion, result.data.version));
        return;
      }
      setError(result.formError);
      setConfirming(false);
    });
  };

  return (
    <div className="flex max-w-prose flex-col gap-4">
      {error ? (
        <Alert tone="error">
          {translateValidationMessage(error, locale)}{" "}
          <a href={`/press/mallar/${templateKey}/versioner/${restoreVersion}`} className="font-medium underline">
            {t("reload")}
          </a>
        </Alert>
      ) : null}
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="restore-confirm-text" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
          <p id="restore-confirm-text" className="mb-3">
            {t("restoreConfirm", { version: restoreVersion, next: currentVersion + 1 })}
          </p>
          <div className="flex flex-wrap gap-3">
            <Button onClick={restore} disabled={pending}>
              {pending ? t("restoring") : t("restoreYes", { version: restoreVersion })}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("restoreCancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <button ref={askRef} type="button" className={buttonClasses("secondary")} onClick={() => setConfirming(true)}>
            {t("restore", { version: restoreVersion })}
          </button>
        </div>
      )}
    </div>
  );
}
