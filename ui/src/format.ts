// Formatting of dates, weeks and report fields as a Swedish user reads them.

import { t } from "./i18n/sv";
import type { Report } from "./ipc/generated/Report";

/** ISO 8601 week number of a `YYYY-MM-DD` day (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(day: string): { year: number; week: number } {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return { year, week };
}

/** `2026-11-18 21:30` or `2026-11-18`. */
export function when(r: Pick<Report, "occurredDate" | "occurredTime">): string {
  return r.occurredTime ? `${r.occurredDate} ${r.occurredTime}` : r.occurredDate;
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/**
 * A stored time (UTC, RFC 3339) in Swedish local time as the PDF and the CLI write it:
 * "30 november 2026 kl. 05.20". Text that is no such time is returned as it is.
 */
export function localTime(stamp: string): string {
  const d = new Date(stamp);
  if (Number.isNaN(d.getTime())) return stamp;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year} kl. ${parts.hour}.${parts.minute}`;
}

/** The place as shown in the list: the place, or the source text marked unplaced. */
export function placeLabel(r: Pick<Report, "place" | "sourcePlace">): string {
  if (r.place) return r.place;
  return r.sourcePlace ? `${r.sourcePlace} (${t.unplaced})` : `(${t.unplaced})`;
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A count as Swedes write it: "101 358", a narrow no-break space between thousands. */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202F");
}

/** A decimal as Swedes write it: "2,5"; integers stay plain. */
export function decimal(n: number): string {
  // One decimal always, so "6,0" stands beside "2,1" as in the PDF.
  return n.toFixed(1).replace(".", ",");
}

/** "↑ +4", "↓ −2", "→ 0". */
export function trendArrow(change: number): string {
  if (change > 0) return `↑ +${change}`;
  if (change < 0) return `↓ −${Math.abs(change)}`;
  return "→ ±0";
}
