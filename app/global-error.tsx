"use client";

// Last resort when the root layout itself fails: no translations or layout are available here, so plain Swedish.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="sv">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
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
