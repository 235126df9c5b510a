// Turns the add-report form's raw values into a NewReport, or field errors.
// The core validates again; this only gives the user quick, precise feedback.

import { t } from "./i18n/sv";
import type { NewReport } from "./ipc/generated/NewReport";

export interface RawReportForm {
  date: string;
  time: string;
  place: string;
  category: string;
  partner: string;
  count: string;
  assessment: string;
  text: string;
}

export type FieldErrors = Partial<Record<keyof RawReportForm, string>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-3])[:.][0-5]\d$/;

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

export function toNewReport(raw: RawReportForm): { report: NewReport } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const date = raw.date.trim();
  const time = raw.time.trim();
  const count = raw.count.trim();
  if (!date) errors.date = t.required(t.fieldDate);
  else if (!validDate(date)) errors.date = t.badDate(t.fieldDate);
  if (time && !TIME.test(time)) errors.time = t.badTime(t.fieldTime);
  if (!raw.category.trim()) errors.category = t.required(t.fieldCategory);
  if (!raw.partner.trim()) errors.partner = t.required(t.fieldPartner);
  let n = 1;
  if (count) {
    n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 100000) errors.count = t.badCount(t.fieldCount);
  }
  if (Object.keys(errors).length > 0) return { errors };
  const report: NewReport = {
    date,
    category: raw.category.trim(),
    partner: raw.partner.trim(),
    count: n,
  };
  if (time) report.time = time.replace(".", ":");
  if (raw.place.trim()) report.place = raw.place.trim();
  if (raw.assessment.trim()) report.assessment = raw.assessment.trim();
  if (raw.text.trim()) report.text = raw.text.trim();
  return { report };
}
