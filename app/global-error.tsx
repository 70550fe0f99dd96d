"use client";

import "./globals.css";

// Last resort when the root layout itself fails: no translations or layout are available here, so plain Swedish.
// Styled by classes from the app's stylesheet, never a style attribute: the pages' policy allows no inline style.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body className="p-8 font-sans">
        <main>
          <h1>Något gick fel</h1>
          <p>Ett oväntat fel inträffade. Ingenting har sparats. Försök igen om en stund.</p>
          <button type="button" onClick={() => reset()}>
            Försök igen
          </button>
        </main>
      </body>
    </html>
  );
}
