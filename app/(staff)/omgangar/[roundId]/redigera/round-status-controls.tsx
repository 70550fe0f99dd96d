"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { savedHref } from "@/components/ui/saved-notice";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";
import { setRoundStatusAction } from "./actions";

type Change = "open" | "closed";

/** Opens or closes the round for new applications; on success shows the round page, with a word that it is done. */
export function RoundStatusControls({ roundId, version, changes }: { roundId: number; version: number; changes: readonly Change[] }) {
  const t = useTranslations("roundAdmin");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState<Change | null>(null);

  const change = (status: Change) => {
    setError(null);
    setTarget(status);
    startTransition(async () => {
      const result = await setRoundStatusAction({ roundId, status, version });
      if (result.ok) {
        router.push(savedHref(`/omgangar/${roundId}`, status === "open" ? "omgang-oppnad" : "omgang-stangd"));
        return;
      }
      setError(result.formError);
      setTarget(null);
    });
  };

  return (
    <div className="flex flex-col gap-3">
      {error ? (
        <Alert tone="error">
          {translateValidationMessage(error, locale)}{" "}
          {/* A conflict needs the round as it is now: a full load of this page. */}
          <a href={`/omgangar/${roundId}/redigera`} className="font-medium underline">
            {t("reload")}
          </a>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {changes.includes("closed") ? (
          <Button variant="danger" disabled={pending} onClick={() => change("closed")}>
            {pending && target === "closed" ? t("closing") : t("close")}
          </Button>
        ) : null}
        {changes.includes("open") ? (
          <Button variant="secondary" disabled={pending} onClick={() => change("open")}>
            {pending && target === "open" ? t("opening") : t("open")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
