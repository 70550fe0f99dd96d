import type { ReactNode } from "react";
import { HydrationMark } from "./hydration-mark";

/**
 * The document both root layouts render (staff pages and public pages have one each, so public pages can be static):
 * the language, the skip link, the header, the main landmark the skip link leads to, and the footer.
 */
export function PageShell({
  lang,
  skipLabel,
  header,
  footer,
  children,
}: {
  lang: string;
  skipLabel: string;
  header: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <html lang={lang}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#innehall"
          className="sr-only z-50 bg-white px-4 py-2 font-semibold text-brand-900 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          {skipLabel}
        </a>
        {header}
        <main id="innehall" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          {children}
        </main>
        {footer}
        <HydrationMark />
      </body>
    </html>
  );
}
