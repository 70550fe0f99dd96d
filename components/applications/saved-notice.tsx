"use client";

import { useEffect, useState } from "react";

/**
 * "Ansökan HJ-2026-0001 är registrerad." after a save. The live region is in the page before its text: screen
 * readers announce a change to a live region, not one that arrives already filled, so the text follows a moment
 * after the page (a client-side navigation from the form) has rendered.
 */
export function SavedNotice({ message }: { message: string }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = window.setTimeout(() => setText(message), 100);
    return () => window.clearTimeout(timer);
  }, [message]);
  return (
    <div role="status" className={text ? "mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900" : "sr-only"}>
      {text}
    </div>
  );
}
