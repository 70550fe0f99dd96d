"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * The word after a save, on the page the save led to: a form that saved moves on to `…?sparat=<what>`, and this
 * notice says what was saved, in a polite live region so a screen reader announces it. The region is on the page
 * empty first and gets its text after mounting (text already there when a page loads is not announced); the
 * parameter is then taken out of the address, so a reload or a shared link does not say it again.
 *
 * To add a confirmation: a value here, its message under `savedNotice` in round-admin.json (sv and en).
 */
export const SAVED_PARAM = "sparat";

const MESSAGES = {
  "omgang-skapad": "roundCreated",
  "omgang-andrad": "roundUpdated",
  "omgang-oppnad": "roundOpened",
  "omgang-stangd": "roundClosed",
} as const;

export type SavedWhat = keyof typeof MESSAGES;

/** The address to move on to after a save: `path?sparat=<what>`. */
export function savedHref(path: string, what: SavedWhat): string {
  return `${path}${path.includes("?") ? "&" : "?"}${SAVED_PARAM}=${what}`;
}

export function SavedNotice() {
  const t = useTranslations("savedNotice");
  const what = useSearchParams().get(SAVED_PARAM);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (what === null) return;
    const key = Object.hasOwn(MESSAGES, what) ? MESSAGES[what as SavedWhat] : null;
    // A frame after the (empty) region is on the page, so the text arrives as a change and is announced.
    const frame = requestAnimationFrame(() => {
      if (key) setMessage(t(key));
      const url = new URL(window.location.href);
      url.searchParams.delete(SAVED_PARAM);
      window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
    });
    return () => cancelAnimationFrame(frame);
  }, [what, t]);

  return (
    <div role="status" className={message ? "mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900" : undefined}>
      {message}
    </div>
  );
}
