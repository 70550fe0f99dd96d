"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/config";
import { confirmSubscriptionAction, unsubscribeAction } from "./actions";

/*
 * The button behind a mail's link: confirming or unsubscribing takes a click on the page, not the link alone, since
 * mail scanners open links. The answer replaces the button.
 */
export function LinkForm({ kind, token, locale, choice, days }: { kind: "confirm" | "unsubscribe"; token: string; locale: Locale; choice: string; days: number }) {
  const t = useTranslations("subscriptions");
  const [answer, setAnswer] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const onClick = () =>
    startTransition(async () => {
      if (kind === "confirm") {
        const result = await confirmSubscriptionAction({ token, locale });
        setAnswer(
          result.ok && result.data.confirmed
            ? { tone: "success", text: t("confirmed", { choice: result.data.choice ?? choice }) }
            : { tone: "error", text: t("linkInvalid", { days }) },
        );
      } else {
        await unsubscribeAction({ token });
        setAnswer({ tone: "success", text: t("unsubscribed") });
      }
    });

  return (
    <div aria-live="polite" className="flex flex-col gap-4">
      {answer ? (
        <Alert tone={answer.tone}>{answer.text}</Alert>
      ) : (
        <div>
          <Button type="button" onClick={onClick} disabled={pending}>
            {kind === "confirm" ? t("confirmButton") : t("unsubscribeButton")}
          </Button>
        </div>
      )}
    </div>
  );
}
