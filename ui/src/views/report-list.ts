// The reports register: every report, a page at a time, found by period, area, place,
// category, partner and the words partners wrote; sortable by its columns. A click on
// a row (or Enter) opens it for editing beside the list.

import { h } from "../dom";
import { isoWeek, placeLabel, thousands, when } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Report } from "../ipc/generated/Report";
import type { ReportFilter } from "../ipc/generated/ReportFilter";
import type { ReportSort } from "../ipc/generated/ReportSort";
import type { Lookups } from "./lookups";

/** How many rows a page holds; the pager steps through the rest. */
export const PAGE_SIZE = 100;
/** How long typing in the search field waits for the next key before asking. */
const SEARCH_DEBOUNCE_MS = 250;

export interface ReportList {
  element: HTMLElement;
  refresh(): Promise<void>;
  /** Shows only one import's reports (from the import's result). */
  showBatch(batch: string): void;
}

export function reportList(api: Commands, lookups: Lookups, onOpen: (r: Report) => void = () => undefined): ReportList {
  // ISO dates typed as text: the same on every platform and locale, and what
  // Swedish users write anyway; the core names the field if a date is wrong.
  const dateInput = (id: string) =>
    h("input", { type: "text", id, placeholder: t.datePlaceholder, inputmode: "numeric", size: 10, maxlength: 10 });
  const from = dateInput("filter-from");
  const to = dateInput("filter-to");
  const select = (id: string, values: () => string[]) => lookups.bind(h("select", { id }), t.filterAll, values);
  const area = select("filter-area", () => [...new Set(lookups.places.map((p) => p.area).filter((a): a is string => !!a))].sort());
  const place = select("filter-place", () => lookups.places.map((p) => p.name));
  const category = select("filter-category", () => lookups.categories.map((c) => c.name));
  const partner = select("filter-partner", () => lookups.partners.map((p) => p.name));
  const search = h("input", { type: "search", id: "filter-search", placeholder: t.searchPlaceholder, size: 18 });
  const clear = h("button", { type: "button", id: "filter-clear", class: "secondary" }, t.filterClear);
  const recipient = lookups.bind(
    h("select", { id: "reports-recipient", "aria-label": t.exportFor }),
    t.exportForNone,
    () => lookups.partners.filter((p) => p.active).map((p) => p.name),
  );
  const byPlace = h("input", { type: "checkbox", id: "reports-by-place" });
  const batchNote = h("span", { id: "filter-batch", class: "hint" });

  let offset = 0;
  let sort: ReportSort = "newest";
  let batch: string | null = null;

  const filter = (): ReportFilter => {
    const f: ReportFilter = { limit: PAGE_SIZE, offset, sort };
    if (from.value) f.from = from.value;
    if (to.value) f.to = to.value;
    if (area.value) f.area = area.value;
    if (place.value) f.place = place.value;
    if (category.value) f.category = category.value;
    if (partner.value) f.partner = partner.value;
    if (search.value.trim()) f.search = search.value.trim();
    if (batch) f.batch = batch;
    return f;
  };

  const exportButton = (format: "csv" | "xlsx") => {
    const b = h("button", { type: "button", id: `reports-export-${format}`, class: "secondary" }, format.toUpperCase());
    b.addEventListener("click", () => {
      const f = filter();
      delete f.limit;
      delete f.offset;
      api
        .exportReports(f, format, recipient.value || null, byPlace.checked)
        .then((done) => {
          if (done) {
            error.hidden = true;
            exportStatus.textContent = t.exported(done.path, done.partnerSafe);
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
  const exportStatus = h("p", { id: "reports-export-message", class: "status ok", role: "status" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const body = h("tbody", { id: "report-rows" });
  const previous = h("button", { type: "button", id: "page-previous", class: "secondary" }, t.pagePrevious);
  const next = h("button", { type: "button", id: "page-next", class: "secondary" }, t.pageNext);

  // Sortable columns: a click sorts by the column (the date column toggles newest
  // and oldest first); aria-sort says which.
  const columns: [string, ReportSort | null, string][] = [
    [t.colWhen, "newest", ""],
    [t.colPlace, "place", ""],
    [t.colArea, "area", ""],
    [t.colCategory, "category", ""],
    [t.colPartner, "partner", ""],
    [t.colCount, "count", "num"],
    [t.colText, null, ""],
  ];
  const headers = columns.map(([label, key, cls]) => {
    if (!key) return h("th", { class: cls }, label);
    const button = h("button", { type: "button", class: "sort", title: t.sortBy(label), "data-sort": key }, label);
    button.addEventListener("click", () => {
      sort = key === "newest" && sort === "newest" ? "oldest" : key;
      offset = 0;
      void refresh();
    });
    return h("th", { class: cls, "data-sort": key }, button);
  });
  const markSort = () => {
    for (const th of headers) {
      const key = th.getAttribute("data-sort");
      const on = key === sort || (key === "newest" && sort === "oldest");
      if (on) th.setAttribute("aria-sort", sort === "oldest" || sort === "place" || sort === "area" || sort === "category" || sort === "partner" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
  };
  const table = h("table", { id: "reports-table" }, h("thead", {}, h("tr", {}, ...headers)), body);

  function row(r: Report): HTMLTableRowElement {
    const week = isoWeek(r.occurredDate).week;
    const tr = h(
      "tr",
      { "data-report-id": r.id, tabindex: 0, class: "clickable" },
      h("td", { class: "when" }, when(r), h("span", { class: "week" }, t.week(week))),
      h("td", { class: r.place ? "" : "unplaced" }, placeLabel(r)),
      h("td", {}, r.area ?? ""),
      h("td", {}, r.category),
      h("td", {}, r.partner),
      h("td", { class: "num" }, thousands(r.count)),
      h("td", { class: "text" }, r.text),
    );
    tr.addEventListener("click", () => onOpen(r));
    tr.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") onOpen(r);
    });
    return tr;
  }

  let generation = 0;
  async function refresh(): Promise<void> {
    const mine = ++generation;
    markSort();
    try {
      const page = await api.listReports(filter());
      if (mine !== generation) return; // a newer request won
      // A page past the end (after a deletion or a narrower filter): the last one.
      if (page.reports.length === 0 && offset > 0 && page.total > 0) {
        offset = Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE;
        return refresh();
      }
      error.hidden = true;
      body.replaceChildren(...page.reports.map(row));
      const first = page.total === 0 ? 0 : offset + 1;
      const last = offset + page.reports.length;
      status.textContent =
        page.total === 0 ? t.noReports : t.showing(thousands(first), thousands(last), thousands(page.total), first === 1 && last === page.total);
      previous.disabled = offset === 0;
      next.disabled = last >= page.total;
    } catch (e) {
      if (mine !== generation) return;
      error.textContent = toIpcError(e).message;
      error.hidden = false;
    }
  }

  const again = () => {
    offset = 0;
    void refresh();
  };
  for (const input of [from, to, area, place, category, partner]) input.addEventListener("change", again);
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(again, SEARCH_DEBOUNCE_MS);
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      clearTimeout(typing);
      again();
    }
  });
  previous.addEventListener("click", () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    void refresh();
  });
  next.addEventListener("click", () => {
    offset += PAGE_SIZE;
    void refresh();
  });
  clear.addEventListener("click", () => {
    for (const input of [from, to, area, place, category, partner, search]) input.value = "";
    batch = null;
    batchNote.textContent = "";
    again();
  });

  const element = h(
    "section",
    { class: "reports", "aria-labelledby": "reports-title" },
    h("h2", { id: "reports-title" }, t.reportsTitle),
    h(
      "div",
      { class: "filters" },
      h("label", {}, t.filterSearch, search),
      h("label", {}, t.filterFrom, from),
      h("label", {}, t.filterTo, to),
      h("label", {}, t.filterArea, area),
      h("label", {}, t.filterPlace, place),
      h("label", {}, t.filterCategory, category),
      h("label", {}, t.filterPartner, partner),
      clear,
      batchNote,
    ),
    h("div", { class: "pager" }, status, previous, next),
    error,
    h("div", { class: "table-wrap" }, table),
    h(
      "div",
      { class: "filters export-row" },
      h("label", {}, t.exportFor, recipient),
      h("label", { class: "check" }, byPlace, t.byPlace),
      exportButton("csv"),
      exportButton("xlsx"),
    ),
    exportStatus,
  );
  return {
    element,
    refresh,
    showBatch(id: string) {
      for (const input of [from, to, area, place, category, partner, search]) input.value = "";
      batch = id;
      batchNote.textContent = t.batchFilter(id);
      again();
    },
  };
}
