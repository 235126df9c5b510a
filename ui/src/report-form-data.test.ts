import { describe, expect, it } from "vitest";
import { toNewReport, type RawReportForm } from "./report-form-data";

const base: RawReportForm = {
  date: "2026-11-18",
  time: "",
  place: "",
  category: "Klotter",
  partner: "Polisen",
  count: "",
  assessment: "",
  text: "",
};

describe("toNewReport", () => {
  it("builds a minimal report with count 1 and no empty fields", () => {
    expect(toNewReport(base)).toEqual({
      report: { date: "2026-11-18", category: "Klotter", partner: "Polisen", count: 1 },
    });
  });

  it("keeps optional fields, trimmed, and accepts 21.30", () => {
    const r = toNewReport({ ...base, time: "21.30", place: " Torget ", count: "3", text: " Fönster " });
    expect(r).toEqual({
      report: {
        date: "2026-11-18",
        time: "21:30",
        place: "Torget",
        category: "Klotter",
        partner: "Polisen",
        count: 3,
        text: "Fönster",
      },
    });
  });

  it("names each bad field in Swedish", () => {
    const r = toNewReport({ ...base, date: "2026-02-30", time: "25:00", category: "", partner: " ", count: "0" });
    expect("errors" in r && r.errors).toEqual({
      date: "Datum: skriv datumet som ÅÅÅÅ-MM-DD.",
      time: "Tid: skriv tiden som TT:MM.",
      category: "Kategori: fältet måste fyllas i.",
      partner: "Aktör: fältet måste fyllas i.",
      count: "Antal: ett heltal, minst 1.",
    });
  });
});
