// The reports list: newest first, filtered by period, place and category.

import { h } from "../dom";
import { isoWeek, placeLabel, when } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Report } from "../ipc/generated/Report";
import type { ReportFilter } from "../ipc/generated/ReportFilter";
import type { Lookups } from "./lookups";

/** How many rows the list shows at once; the count line says how many matched. */
export const PAGE_SIZE = 500;

export interface ReportList {
  element: HTMLElement;
  refresh(): Promise<void>;
}

function row(r: Report): HTMLTableRowElement {
  const week = isoWeek(r.occurredDate).week;
  return h(
    "tr",
    { "data-report-id": r.id },
    h("td", { class: "when" }, when(r), h("span", { class: "week" }, t.week(week))),
    h("td", { class: r.place ? "" : "unplaced" }, placeLabel(r)),
    h("td", {}, r.area ?? ""),
    h("td", {}, r.category),
    h("td", {}, r.partner),
    h("td", { class: "num" }, r.count),
    h("td", { class: "text" }, r.text),
  );
}

export function reportList(api: Commands, lookups: Lookups): ReportList {
  // ISO dates typed as text: the same on every platform and locale, and what
  // Swedish users write anyway; the core names the field if a date is wrong.
  const dateInput = (id: string) =>
    h("input", { type: "text", id, placeholder: t.datePlaceholder, inputmode: "numeric", size: 10, maxlength: 10 });
  const from = dateInput("filter-from");
  const to = dateInput("filter-to");
  const place = lookups.bind(
    h("select", { id: "filter-place" }),
    t.filterAll,
    () => lookups.places.map((p) => p.name),
  );
  const category = lookups.bind(
    h("select", { id: "filter-category" }),
    t.filterAll,
    () => lookups.categories.map((c) => c.name),
  );
  const clear = h("button", { type: "button", id: "filter-clear", class: "secondary" }, t.filterClear);
  const recipient = lookups.bind(
    h("select", { id: "reports-recipient", "aria-label": t.exportFor }),
    t.exportForNone,
    () => lookups.partners.map((p) => p.name),
  );
  const byPlace = h("input", { type: "checkbox", id: "reports-by-place" });
  const exportButton = (format: "csv" | "xlsx") => {
    const b = h("button", { type: "button", id: `reports-export-${format}`, class: "secondary" }, format.toUpperCase());
    b.addEventListener("click", () => {
      const f = filter();
      delete f.limit;
      api
        .exportReports(f, format, recipient.value || null, byPlace.checked)
        .then((done) => {
          if (done) {
            status.textContent = t.exported(done.path, done.partnerSafe);
          }
        })
        .catch((e: unknown) => {
          error.textContent = toIpcError(e).message;
          error.hidden = false;
        });
    });
    return b;
  };
  const status = h("p", { id: "report-count", class: "status" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const body = h("tbody", { id: "report-rows" });
  const table = h(
    "table",
    { id: "reports-table" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, t.colWhen),
        h("th", {}, t.colPlace),
        h("th", {}, t.colArea),
        h("th", {}, t.colCategory),
        h("th", {}, t.colPartner),
        h("th", { class: "num" }, t.colCount),
        h("th", {}, t.colText),
      ),
    ),
    body,
  );

  const filter = (): ReportFilter => {
    const f: ReportFilter = { limit: PAGE_SIZE };
    if (from.value) f.from = from.value;
    if (to.value) f.to = to.value;
    if (place.value) f.place = place.value;
    if (category.value) f.category = category.value;
    return f;
  };

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    try {
      const page = await api.listReports(filter());
      if (mine !== generation) return; // a newer request won
      error.hidden = true;
      body.replaceChildren(...page.reports.map(row));
      status.textContent = page.total === 0 ? t.noReports : t.showing(page.reports.length, page.total);
    } catch (e) {
      if (mine !== generation) return;
      error.textContent = toIpcError(e).message;
      error.hidden = false;
    }
  }

  for (const input of [from, to, place, category]) input.addEventListener("change", () => void refresh());
  clear.addEventListener("click", () => {
    from.value = "";
    to.value = "";
    place.value = "";
    category.value = "";
    void refresh();
  });

  const element = h(
    "section",
    { class: "reports", "aria-labelledby": "reports-title" },
    h("h2", { id: "reports-title" }, t.reportsTitle),
    h(
      "div",
      { class: "filters" },
      h("label", {}, t.filterFrom, from),
      h("label", {}, t.filterTo, to),
      h("label", {}, t.filterPlace, place),
      h("label", {}, t.filterCategory, category),
      clear,
      h("label", {}, t.exportFor, recipient),
      h("label", { class: "check" }, byPlace, t.byPlace),
      exportButton("csv"),
      exportButton("xlsx"),
    ),
    status,
    error,
    h("div", { class: "table-wrap" }, table),
  );
  return { element, refresh };
}
