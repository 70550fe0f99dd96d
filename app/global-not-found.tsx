import { HydrationMark } from "@/components/layout/hydration-mark";
import type { Metadata } from "next";
import "./globals.css";

/*
 * An address that matches no route at all. Staff pages and public pages have a root layout each, so there is no
 * layout to compose this page from: it stands alone, in both languages, and reads nothing of the request.
 * (notFound() inside a page renders app/(staff)/not-found.tsx or app/(public)/[locale]/not-found.tsx instead.)
 */

export const metadata: Metadata = { title: "Sidan finns inte – Anslag" };

export default function GlobalNotFound() {
  return (
    <html lang="sv">
      <body className="flex min-h-screen flex-col">
        <header className="bg-brand-900 px-4 py-3 text-white">
          <p className="mx-auto max-w-6xl text-xl font-bold">Anslag</p>
        </header>
        <main id="innehall" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          <h1 className="text-3xl font-bold text-brand-900">Sidan finns inte</h1>
          <p className="mt-2 max-w-prose text-slate-700">Sidan du söker finns inte, eller så har du inte behörighet att se den.</p>
          <p className="mt-4">
            <a href="/" className="text-brand-700 underline">
              Till startsidan
            </a>
          </p>
          <div lang="en" className="mt-8 border-t border-slate-300 pt-4">
            <h2 className="text-xl font-semibold">Page not found</h2>
            <p className="mt-2 max-w-prose text-slate-700">The page does not exist, or you are not allowed to see it.</p>
            <p className="mt-2">
              <a href="/" className="text-brand-700 underline">
                Go to the start page
              </a>
            </p>
          </div>
        </main>
        <HydrationMark />
      </body>
    </html>
  );
}
