import { describe, expect, it } from "vitest";
import {
  formatDateLong,
  formatDateLongEnglish,
  formatDateShort,
  formatDateTime,
  parseStockholmDateTime,
  todayIso,
  toStockholmDateTimeInput,
} from "./date";

describe("formatDateLong", () => {
  it("treats ISO date strings as calendar dates", () => {
    expect(formatDateLong("2026-11-23")).toBe("23 november 2026");
    expect(formatDateLong("2026-01-01")).toBe("1 januari 2026");
    expect(formatDateLong("2026-12-31")).toBe("31 december 2026");
    expect(formatDateLong("2014-05-09")).toBe("9 maj 2014");
  });

  it("shows instants in Stockholm time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm (CET, +1).
    expect(formatDateLong(new Date("2026-12-31T23:30:00Z"))).toBe("1 januari 2027");
    expect(formatDateLong("2026-12-31T23:30:00Z")).toBe("1 januari 2027");
    expect(formatDateLong(new Date("2026-11-23T12:00:00Z"))).toBe("23 november 2026");
  });

  it("never throws on a stored date it cannot print: it shows the stored text", () => {
    expect(formatDateLong("2026-02-30")).toBe("2026-02-30");
    expect(formatDateLong("2026-13-01")).toBe("2026-13-01");
    expect(formatDateLong("nästa tisdag")).toBe("nästa tisdag");
    expect(formatDateLong(new Date(Number.NaN))).toBe("–");
    expect(formatDateTime(new Date(Number.NaN))).toBe("–");
  });

  it("prints the years 0000-0099 as stored rather than failing (the security probe's 500)", () => {
    for (const stored of ["0000-01-01", "0012-05-01", "0099-12-31"]) {
      expect(formatDateLong(stored)).toBe(stored);
      expect(formatDateShort(stored)).toBe(stored);
    }
    expect(formatDateLong("2000-01-01")).toBe("1 januari 2000");
  });
});

describe("formatDateShort", () => {
  it("formats as YYYY-MM-DD", () => {
    expect(formatDateShort("2026-11-23")).toBe("2026-11-23");
    expect(formatDateShort(new Date("2026-11-23T22:59:00Z"))).toBe("2026-11-23");
    expect(formatDateShort(new Date("2026-11-23T23:00:00Z"))).toBe("2026-11-24");
  });
});

describe("formatDateTime", () => {
  it("uses Stockholm time and a full stop between hours and minutes", () => {
    // November: CET, UTC+1.
    expect(formatDateTime(new Date("2026-11-23T13:05:00Z"))).toBe("23 november 2026 kl. 14.05");
    // June: CEST, UTC+2.
    expect(formatDateTime(new Date("2026-06-15T07:05:00Z"))).toBe("15 juni 2026 kl. 9.05");
    expect(formatDateTime(new Date("2026-06-14T22:00:00Z"))).toBe("15 juni 2026 kl. 0.00");
  });
});

describe("todayIso", () => {
  it("returns the Stockholm calendar date", () => {
    expect(todayIso(new Date("2026-11-23T22:59:59Z"))).toBe("2026-11-23");
    expect(todayIso(new Date("2026-11-23T23:00:00Z"))).toBe("2026-11-24");
    expect(todayIso(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });

  it("defaults to now", () => {
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("formatDateLongEnglish", () => {
  it("writes the month in English, day first, for the same calendar day as the Swedish form", () => {
    expect(formatDateLongEnglish("2026-11-23")).toBe("23 November 2026");
    expect(formatDateLong("2026-11-23")).toBe("23 november 2026");
    // 23:30 UTC on 22 November is the 23rd in Stockholm.
    expect(formatDateLongEnglish(new Date("2026-11-22T23:30:00Z"))).toBe("23 November 2026");
  });

  it("shows what is stored when it cannot read it, as the Swedish form does", () => {
    expect(formatDateLongEnglish("0012-05-01")).toBe("0012-05-01");
    expect(formatDateLongEnglish("2026-02-30")).toBe("2026-02-30");
  });
});

describe("parseStockholmDateTime", () => {
  it("reads winter and summer time as Stockholm wall-clock time", () => {
    expect(parseStockholmDateTime("2026-12-01T10:00")?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(parseStockholmDateTime("2026-06-15T10:30")?.toISOString()).toBe("2026-06-15T08:30:00.000Z");
    expect(parseStockholmDateTime("2026-12-01T10:00:30")?.toISOString()).toBe("2026-12-01T09:00:30.000Z");
  });
  it("refuses what is no time, and the hour summer time skips", () => {
    expect(parseStockholmDateTime("imorgon")).toBeNull();
    expect(parseStockholmDateTime("2026-13-01T10:00")).toBeNull();
    expect(parseStockholmDateTime("2026-03-29T02:30")).toBeNull();
  });
  it("round-trips through the field's value", () => {
    const at = new Date("2026-12-01T09:00:00.000Z");
    expect(toStockholmDateTimeInput(at)).toBe("2026-12-01T10:00");
    expect(parseStockholmDateTime(toStockholmDateTimeInput(at))?.getTime()).toBe(at.getTime());
  });
});
