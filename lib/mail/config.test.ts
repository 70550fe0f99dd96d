import { describe, expect, it } from "vitest";
import { mailFrom, publicBaseUrl, smtpUrl } from "./config";

describe("mail configuration", () => {
  it("sends nothing without SMTP_URL", () => {
    expect(smtpUrl({})).toBeNull();
    expect(smtpUrl({ SMTP_URL: "  " })).toBeNull();
    expect(smtpUrl({ SMTP_URL: "smtp://mail.example:587" })).toBe("smtp://mail.example:587");
  });

  it("sends from ANSLAG_MAIL_FROM, else noreply at the public host", () => {
    expect(mailFrom({ ANSLAG_MAIL_FROM: "SKL <anslag@skl.se>" })).toBe("SKL <anslag@skl.se>");
    expect(mailFrom({ ANSLAG_PUBLIC_URL: "https://anslag.skl.se/" })).toBe("Anslag <noreply@anslag.skl.se>");
    expect(mailFrom({})).toBe("Anslag <noreply@localhost>");
  });

  it("links to ANSLAG_PUBLIC_URL, else to this server's own port", () => {
    expect(publicBaseUrl({ ANSLAG_PUBLIC_URL: "https://anslag.skl.se/" })).toBe("https://anslag.skl.se");
    expect(publicBaseUrl({ ANSLAG_INTERNAL_ORIGIN: "http://127.0.0.1:3311" })).toBe("http://localhost:3311");
    expect(publicBaseUrl({ PORT: "4000" })).toBe("http://localhost:4000");
  });
});
