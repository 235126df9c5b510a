import { describe, expect, it } from "vitest";
import { decimal, isoWeek, localTime, placeLabel, thousands, todayIso, trendArrow, when } from "./format";

describe("isoWeek", () => {
  it("numbers weeks across year boundaries as ISO 8601 does", () => {
    expect(isoWeek("2026-11-18")).toEqual({ year: 2026, week: 47 });
    expect(isoWeek("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-03")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
  });
});

describe("labels", () => {
  it("shows time when there is one", () => {
    expect(when({ occurredDate: "2026-11-18", occurredTime: "21:30" })).toBe("2026-11-18 21:30");
    expect(when({ occurredDate: "2026-11-18", occurredTime: null })).toBe("2026-11-18");
  });
  it("marks unplaced reports with the partner's text", () => {
    expect(placeLabel({ place: "Stortorget", sourcePlace: "torget" })).toBe("Stortorget");
    expect(placeLabel({ place: null, sourcePlace: "Bakom ICA" })).toBe("Bakom ICA (oplacerad)");
    expect(placeLabel({ place: null, sourcePlace: null })).toBe("(oplacerad)");
  });
  it("formats today as a local ISO date", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  });
});

describe("count line", () => {
  it("agrees in number", async () => {
    const { t } = await import("./i18n/sv");
    expect(t.showing("1", "1", "1", true)).toBe("1 rapport");
    expect(t.showing("1", "3", "3", true)).toBe("3 rapporter");
    expect(t.showing("101", "200", thousands(101358), false)).toBe("Visar 101–200 av 101\u202F358 rapporter");
    expect(thousands(999)).toBe("999");
    expect(thousands(1000)).toBe("1\u202F000");
  });
});

describe("numbers", () => {
  it("uses a decimal comma and arrows for change", () => {
    expect(decimal(2.45)).toBe("2,5");
    expect(decimal(3)).toBe("3,0");
    expect(trendArrow(4)).toBe("↑ +4");
    expect(trendArrow(-2)).toBe("↓ −2");
    expect(trendArrow(0)).toBe("→ ±0");
  });
});

describe("localTime", () => {
  it("writes stored UTC times in Swedish local time, across DST", () => {
    expect(localTime("2026-11-30T04:20:00Z")).toBe("30 november 2026 kl. 05.20");
    expect(localTime("2026-07-01T22:05:00Z")).toBe("2 juli 2026 kl. 00.05");
    expect(localTime("inte en tid")).toBe("inte en tid");
  });
});
