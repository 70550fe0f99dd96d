"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PASSWORD_SET_PARAM, SESSION_ENDED_PARAM, SIGNED_OUT_PARAM } from "@/lib/auth/sign-in-params";

/** "Du är utloggad" after signing out; "Du har loggats ut" when the session ended without it (an account disabled). */
export function SignInNotice() {
  const t = useTranslations("signIn");
  const tLink = useTranslations("passwordLink");
  const params = useSearchParams();
  const message = params.has(PASSWORD_SET_PARAM)
    ? tLink("saved")
    : params.has(SIGNED_OUT_PARAM) ? t("signedOut") : params.has(SESSION_ENDED_PARAM) ? t("expired") : null;
  return message ? (
    <div className="mb-6">
      <Alert tone="info">{message}</Alert>
    </div>
  ) : null;
}
