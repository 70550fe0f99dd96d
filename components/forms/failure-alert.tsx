"use client";

import { useLocale } from "next-intl";
import type { ActionFailure } from "@/lib/actions";
import { Alert } from "@/components/ui/alert";
import { toLocale } from "@/lib/i18n/config";
import { translateValidationMessage } from "@/lib/i18n/validation";

/**
 * A refused save. When someone else saved first ("conflict"), it offers a full reload, so the form starts again
 * from the saved row and its new version. Its Swedish message is shown in the visitor's language when it is one of
 * the catalogued validation messages.
 */
export function FailureAlert({ failure, reload }: { failure: ActionFailure | null; reload?: { href: string; label: string } }) {
  const locale = toLocale(useLocale());
  if (!failure) return null;
  return (
    <Alert tone="error">
      {translateValidationMessage(failure.formError, locale)}
      {failure.code === "conflict" && reload ? (
        <>
          {" "}
          <a href={reload.href} className="font-medium underline">
            {reload.label}
          </a>
        </>
      ) : null}
    </Alert>
  );
}
