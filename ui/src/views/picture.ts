// The situation picture screen: choose a period, read the table per area with trends
// and flags, set a status per area with a justification, write the analysis, freeze
// it, and export PDF / CSV / XLSX.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { AnalysisPart } from "../ipc/generated/AnalysisPart";
import type { AreaPicture } from "../ipc/generated/AreaPicture";
import type { PeriodKind } from "../ipc/generated/PeriodKind";
import type { PeriodQuery } from "../ipc/generated/PeriodQuery";
import type { Picture } from "../ipc/generated/Picture";
import type { PictureSource } from "../ipc/generated/PictureSource";
import { decimal, localTime, trendArrow } from "../format";
import type { Problem } from "./insatser";
import type { Lookups } from "./lookups";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  el.append(...children);
  return el;
}

function barChart(p: Picture): SVGElement {
  const max = Math.max(1, ...p.categories.map((c) => Math.max(c.count, c.baseline)));
  const rowH = 16;
  const chart = svg("svg", { width: 520, height: p.categories.length * rowH + 4, class: "chart", role: "img", "aria-label": t.categoriesChart });
  p.categories.forEach((c, i) => {
    const y = i * rowH;
    const w = (c.count / max) * 300;
    chart.append(
      svg("text", { x: 0, y: y + 11, "font-size": 11 }, c.category),
      svg("rect", { x: 160, y: y + 3, width: Math.max(w, 1), height: 10, fill: c.flagged ? "#c7291f" : "#1f5f5b" }),
      svg("line", { x1: 160 + (c.baseline / max) * 300, x2: 160 + (c.baseline / max) * 300, y1: y + 1, y2: y + 15, stroke: "#1b2b2a", "stroke-width": 1.5 }),
      // The number right of both the bar and the normal-level tick, never under it.
      svg("text", { x: 166 + Math.max(w, (c.baseline / max) * 300), y: y + 11, "font-size": 11 }, String(c.count)),
    );
  });
  return chart;
}

/** The totals of the twelve periods up to this one, as the PDF's trend shows them. */
function trendChart(p: Picture): SVGElement {
  const max = Math.max(1, ...p.trend.map((x) => x.total));
  const col = 46;
  const height = 120;
  const chart = svg("svg", { width: col * p.trend.length + 8, height: height + 34, class: "chart", id: "picture-trend", role: "img", "aria-label": t.trendTitle });
  p.trend.forEach((x, i) => {
    const h = (x.total / max) * height;
    const last = i === p.trend.length - 1;
    chart.append(
      svg("rect", { x: 4 + i * col, y: 14 + height - h, width: col - 10, height: Math.max(h, 1), fill: last ? "#1f5f5b" : "#8fb3b0" }),
      svg("text", { x: 4 + i * col + (col - 10) / 2, y: 10 + height - h, "font-size": 10, "text-anchor": "middle" }, String(x.total)),
      svg("text", { x: 4 + i * col + (col - 10) / 2, y: height + 28, "font-size": 9, "text-anchor": "middle" }, x.label),
    );
  });
  return chart;
}

function heatmap(p: Picture): SVGElement {
  const max = Math.max(1, ...p.pattern.counts.flat());
  const cell = 18;
  const map = svg("svg", { width: 40 + 24 * cell, height: 20 + 7 * cell, class: "chart", role: "img", "aria-label": t.patternTitle });
  for (let hr = 0; hr < 24; hr += 3) map.append(svg("text", { x: 40 + hr * cell, y: 10, "font-size": 9 }, String(hr).padStart(2, "0")));
  p.pattern.counts.forEach((row, d) => {
    map.append(svg("text", { x: 0, y: 26 + d * cell, "font-size": 10 }, p.pattern.weekdays[d] ?? ""));
    row.forEach((v, hr) => {
      map.append(svg("rect", { x: 40 + hr * cell, y: 14 + d * cell, width: cell - 1, height: cell - 1, fill: "#1f5f5b", "fill-opacity": (v / max).toFixed(2) }));
    });
  });
  return map;
}

export interface PictureView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

/** With fewer earlier periods of data than this the core flags nothing. */
const MIN_BASELINE_PERIODS = 3;

/** How long typing in an analysis field waits before the text is saved. */
const DRAFT_DEBOUNCE_MS = 800;

export function pictureView(api: Commands, lookups: Lookups, onNewInsats: (p: Problem) => void = () => undefined): PictureView {
  const kind = h(
    "select",
    { id: "picture-kind" },
    ...(["week", "twoWeeks", "month", "tertial", "custom"] as PeriodKind[]).map((k) => h("option", { value: k }, t.periodKinds[k] ?? k)),
  );
  const day = h("input", { type: "text", id: "picture-from", placeholder: t.datePlaceholder, size: 10 });
  const to = h("input", { type: "text", id: "picture-to", placeholder: t.datePlaceholder, size: 10 });
  const prev = h("button", { type: "button", id: "picture-prev", class: "secondary" }, t.previousPeriod);
  const next = h("button", { type: "button", id: "picture-next", class: "secondary" }, t.nextPeriod);
  const partner = lookups.bind(
    h("select", { id: "picture-partner" }),
    t.exportForNone,
    () => lookups.partners.filter((p) => p.active).map((p) => p.name),
  );
  // A partner's PDF carries no free text unless the coordinator shares the analysis.
  const withAnalysis = h("input", { type: "checkbox", id: "picture-with-analysis" });
  const title = h("h2", { id: "picture-label" });
  const message = h("p", { id: "picture-message", class: "status", role: "status" });
  // What can be done about the last message (open the file just exported).
  const messageAction = h("div", { id: "picture-message-action" });
  const body = h("div", { id: "picture-body" });
  const saved = h("tbody", { id: "picture-saved" });
  let current: Picture | null = null;
  /** Analysis parts typed into and not yet saved: part → save now. */
  const pendingDrafts = new Map<string, () => Promise<void>>();
  let viewing: string | null = null; // a frozen picture's id

  const query = (shift = 0): PeriodQuery => {
    const q: PeriodQuery = { kind: kind.value as PeriodKind, shift };
    if (day.value.trim()) q.from = day.value.trim();
    if (to.value.trim()) q.to = to.value.trim();
    return q;
  };

  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
    messageAction.replaceChildren();
  };

  /** "Ny insats" on a row: the insats form with the row's area and category. */
  function newInsats(area: string, category: string, label: string): HTMLElement {
    const b = h("button", { type: "button", class: "secondary row-action", "data-area": area, "data-category": category }, t.newInsatsFromRow);
    b.addEventListener("click", () => onNewInsats({ area, category, decidedIn: t.pictureTitle(label) }));
    return b;
  }

  function areaCard(a: AreaPicture, p: Picture): HTMLElement {
    const status = h("select", { "data-area": a.area, class: "area-status", "aria-label": `${t.statusLabel} ${a.area}` }, h("option", { value: "" }, t.statusNone), ...p.scale.map((s) => h("option", { value: s, selected: a.status === s }, s)));
    const justification = h("input", { type: "text", class: "area-justification", "data-area": a.area, size: 60, value: a.justification ?? "", "aria-label": `${t.justification} ${a.area}` });
    const save = h("button", { type: "button", class: "area-save", "data-area": a.area }, t.saveStatus);
    justification.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        save.click();
      }
    });
    save.addEventListener("click", () => {
      api
        .setAreaStatus(p.period, a.area, status.value, justification.value)
        .then(() => {
          say(t.statusSaved(a.area));
          return load(0);
        })
        .catch((e: unknown) => say(toIpcError(e).message, false));
    });
    const frozen = viewing !== null;
    return h(
      "section",
      { class: `area-card status-${a.status ?? "none"}`, "data-area": a.area },
      h("h3", {}, `${a.area}: ${a.total} (${t.colPrevious.toLowerCase()} ${a.previous}, ${t.colBaseline.toLowerCase()} ${decimal(a.baseline)})`),
      h(
        "table",
        { class: "compact area-table" },
        h("thead", {}, h("tr", {}, ...[t.colCategory, t.colCount, t.colPrevious, t.colChange, t.colBaseline, t.colFlag, ""].map((c) => h("th", {}, c)))),
        h(
          "tbody",
          {},
          ...a.categories.map((c) =>
            h(
              "tr",
              { class: c.deviation === "rise" ? "flagged" : c.deviation === "fall" ? "fall" : "" },
              h("td", {}, c.category),
              h("td", { class: "num" }, c.count),
              h("td", { class: "num" }, c.previous),
              h("td", { class: "num" }, trendArrow(c.change)),
              h("td", { class: "num" }, decimal(c.baseline)),
              h("td", {}, t.deviations[c.deviation]),
              h("td", {}, newInsats(a.area, c.category, p.label)),
            ),
          ),
        ),
      ),
      frozen
        ? h("p", {}, `${t.statusLabel}: ${a.status ?? t.statusNone} ${a.justification ?? ""}`)
        : h("div", { class: "status-row" }, h("label", {}, t.statusLabel, status), h("label", {}, t.justification, justification), save),
    );
  }

  function analysis(p: Picture): HTMLElement {
    const parts: [AnalysisPart, string][] = [
      ["kartlaggning", p.assessment.kartlaggning],
      ["annanInformation", p.assessment.annanInformation],
      ["analys", p.assessment.analys],
    ];
    return h(
      "section",
      { class: "analysis" },
      h("h3", {}, t.analysisTitle),
      ...parts.map(([part, text]) => {
        const area = h("textarea", { rows: 3, id: `analysis-${part}`, "aria-label": t.analysisParts[part] ?? part });
        area.value = text;
        const note = h("span", { class: "hint", id: `analysis-note-${part}`, role: "status" });
        const save = h("button", { type: "button", class: "secondary", id: `analysis-save-${part}` }, t.saveText);
        // Saved as the user types (after a pause), on leaving the field, on the button,
        // and before the period changes: nothing written is lost.
        const period = p.period;
        let saved = text;
        const store = async (): Promise<void> => {
          const value = area.value;
          if (value === saved) return;
          await api.setAnalysis(period, part, value);
          saved = value;
          note.textContent = t.draftSaved;
        };
        let timer: ReturnType<typeof setTimeout> | undefined;
        const saveNow = () => {
          clearTimeout(timer);
          pendingDrafts.delete(part);
          return store().catch((e: unknown) => say(toIpcError(e).message, false));
        };
        area.addEventListener("input", () => {
          note.textContent = t.draftUnsaved;
          clearTimeout(timer);
          pendingDrafts.set(part, saveNow);
          timer = setTimeout(() => void saveNow(), DRAFT_DEBOUNCE_MS);
        });
        area.addEventListener("blur", () => void saveNow());
        save.addEventListener("click", () => void saveNow().then(() => say(t.textSaved)));
        if (viewing !== null) area.readOnly = true;
        return h("label", { class: "field" }, t.analysisParts[part] ?? part, area, viewing === null ? h("span", { class: "field-actions" }, save, note) : "");
      }),
    );
  }

  function render(p: Picture): void {
    current = p;
    title.textContent = t.pictureTitle(p.label);
    const source = (): PictureSource => (viewing ? { type: "snapshot", id: viewing } : { type: "period", period: p.period });
    const exportButton = (format: "pdf" | "csv" | "xlsx", label: string) => {
      const b = h("button", { type: "button", id: `picture-export-${format}`, class: format === "pdf" ? "" : "secondary" }, label);
      b.addEventListener("click", () => {
        b.disabled = true;
        api
          .exportPicture(source(), format, partner.value || null, withAnalysis.checked)
          .then((done) => {
            if (!done) return;
            say(t.exported(done.path, done.partnerSafe));
            // Open it again (to read or print) from where it was said.
            const open = h("button", { type: "button", class: "secondary", id: "picture-open-export" }, format === "pdf" ? t.openPdf : t.openFile);
            open.addEventListener("click", () => {
              api.openExport(done.path).catch((e: unknown) => say(toIpcError(e).message, false));
            });
            messageAction.replaceChildren(open);
          })
          .catch((e: unknown) => say(toIpcError(e).message, false))
          .finally(() => {
            b.disabled = false;
          });
      });
      return b;
    };
    const freeze = h("button", { type: "button", id: "picture-freeze", class: "secondary" }, t.freeze);
    freeze.addEventListener("click", () => {
      api
        .savePicture(p.period, null)
        .then((s) => {
          say(t.frozen(s.snapshot?.id ?? ""));
          return loadSaved();
        })
        .catch((e: unknown) => say(toIpcError(e).message, false));
    });
    const back = h("button", { type: "button", class: "secondary", id: "picture-live" }, t.backToLive);
    back.addEventListener("click", () => {
      viewing = null;
      void load(0);
    });
    body.replaceChildren(
      viewing && p.snapshot ? h("p", { class: "notice" }, t.viewingSaved(p.snapshot.title, localTime(p.snapshot.createdAt)), " ", back) : "",
      h("p", { id: "picture-summary", class: "counts" }, t.pictureSummary(p.total, p.reports, p.previousTotal, decimal(p.baselineTotal), p.baselinePeriods, p.unplaced)),
      p.baselinePeriods < MIN_BASELINE_PERIODS ? h("p", { id: "picture-short-history", class: "notice" }, t.shortHistory(p.baselinePeriods)) : "",
      p.lastYear ? h("p", { id: "picture-last-year", class: "hint" }, t.lastYear(p.lastYear.total, p.lastYear.from, p.lastYear.to)) : "",
      h("div", { class: "import-actions" }, exportButton("pdf", t.exportPdf), exportButton("csv", t.exportCsv), exportButton("xlsx", t.exportXlsx), h("label", {}, t.exportFor, partner), h("label", { class: "check" }, withAnalysis, t.withAnalysis), viewing ? "" : freeze),
      h("div", { class: "charts" }, h("div", {}, h("h3", {}, t.categoriesChart), barChart(p)), h("div", {}, h("h3", {}, t.patternTitle), heatmap(p))),
      h("div", { class: "chart-scroll" }, h("h3", {}, t.trendTitle), trendChart(p)),
      ...p.areas.map((a) => areaCard(a, p)),
      h("h3", {}, t.hotspotsTitle),
      h("ol", { id: "picture-hotspots" }, ...p.hotspots.map((x) => h("li", {}, `${x.place} (${x.area ?? ""}): ${x.count}`))),
      analysis(p),
    );
  }

  // Only the latest request's answer is shown; an older one that arrives later is
  // dropped, and a field the user is typing in is never overwritten.
  let loadSeq = 0;
  async function load(shift: number): Promise<void> {
    const seq = ++loadSeq;
    try {
      const p = await api.getPicture(query(shift));
      if (seq !== loadSeq) return;
      // Keep the chosen period in the inputs so the arrows step from it.
      kind.value = p.period.kind;
      if (document.activeElement !== day) day.value = p.from;
      if (document.activeElement !== to) to.value = p.period.kind === "custom" ? p.to : "";
      render(p);
    } catch (e) {
      say(toIpcError(e).message, false);
    }
  }

  async function loadSaved(): Promise<void> {
    const list = await api.listSavedPictures().catch(() => []);
    saved.replaceChildren(
      ...list.map((s) => {
        const show = h("button", { type: "button", class: "secondary", "data-snapshot": s.id }, t.showSaved);
        show.addEventListener("click", () => {
          api
            .getSavedPicture(s.id)
            .then((p) => {
              viewing = s.id;
              render(p);
            })
            .catch((e: unknown) => say(toIpcError(e).message, false));
        });
        return h("tr", {}, h("td", {}, s.id), h("td", {}, s.title), h("td", {}, `${s.from} – ${s.to}`), h("td", {}, localTime(s.createdAt)), h("td", {}, show));
      }),
    );
  }

  // Another period: unsaved analysis text is saved first, and what was said about the
  // last period no longer applies.
  const goTo = (shift: number) => {
    message.className = "status";
    messageAction.replaceChildren();
    message.textContent = "";
    const flushes = [...pendingDrafts.values()].map((f) => f());
    pendingDrafts.clear();
    void Promise.all(flushes).then(() => load(shift));
  };
  for (const el of [kind, day, to]) el.addEventListener("change", () => goTo(0));
  for (const el of [day, to]) {
    el.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        el.blur(); // the change event then loads the period
      }
    });
  }
  prev.addEventListener("click", () => goTo(1));
  next.addEventListener("click", () => goTo(-1));

  const element = h(
    "section",
    { id: "picture" },
    h("div", { class: "filters" }, h("label", {}, t.periodKind, kind), h("label", {}, t.periodDay, day), h("label", {}, t.periodTo, to), prev, next),
    title,
    message,
    messageAction,
    body,
    h("h3", {}, t.savedTitle),
    h("table", { class: "compact" }, saved),
  );
  return {
    element,
    refresh: async () => {
      if (!current) await load(0);
      await loadSaved();
    },
  };
}
