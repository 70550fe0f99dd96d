"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** After a restore the editor opens with `?aterstalld=<old>&version=<new>`; this says so (as SavedNotice does). */
export const RESTORED_PARAM = "aterstalld";

export function restoredHref(key: string, restored: number, version: number): string {
  return `/press/mallar/${key}?${RESTORED_PARAM}=${restored}&version=${version}`;
}

/**
 * A polite live region, empty when the page loads and given its text a frame later (text already there at load is
 * not announced); the parameters are then taken out of the address, so a reload does not say it again.
 */
export function TemplateNotice() {
  const t = useTranslations("pressTemplates");
  const params = useSearchParams();
  const restored = Number(params.get(RESTORED_PARAM));
  const version = Number(params.get("version"));
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!Number.isInteger(restored) || restored <= 0 || !Number.isInteger(version) || version <= 0) return;
    const frame = requestAnimationFrame(() => {
      setMessage(t("restoredNotice", { restored, version }));
      const url = new URL(window.location.href);
      url.searchParams.delete(RESTORED_PARAM);
      url.searchParams.delete("version");
      window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    });
    return () => cancelAnimationFrame(frame);
  }, [restored, version, t]);

  return (
    <div role="status" className={message ? "mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900" : "sr-only"}>
      {message}
    </div>
  );
}
