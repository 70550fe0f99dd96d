"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (`data-hydrated` on <html>). A field filled before hydration is set
 * back to its default when react-hook-form registers it, so the e2e fixtures wait for the mark after each page load
 * before they type (e2e/fixtures.ts). Renders nothing.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
