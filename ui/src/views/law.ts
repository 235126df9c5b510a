// The law's documents (lag 2023:196): the long-period lägesbild in the law's parts
// (kartläggning with the coordinator's text on consequences, other knowledge sources,
// the analysis of causes) and the åtgärdsplan, each with a distribution list.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Source } from "../ipc/generated/Source";
import { distribution } from "./distribution";
import type { Lookups } from "./lookups";

export interface LawView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

/** The last whole month, `YYYY-MM`. */
function lastWholeMonth(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

export function lawView(api: Commands, lookups: Lookups): LawView {
  const message = h("p", { id: "law-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
  };
  const fail = (e: unknown) => say(toIpcError(e).message, false);
  const field = (label: string, control: HTMLElement) => h("label", { class: "field" }, label, control);

  // The documents: period, who they are for, the two buttons.
  const lastMonth = h("input", { id: "law-last-month", type: "month", value: lastWholeMonth() });
  const months = h("input", { id: "law-months", type: "number", min: "1", max: "60", value: "12", size: 4 });
  const to = distribution("law-to", t.distributionLegend);
  const archival = h("input", { type: "checkbox", id: "law-pdfa" });
  const picture = h("button", { type: "button", id: "law-picture" }, t.lawPicturePdf);
  const plan = h("button", { type: "button", id: "law-plan", class: "secondary" }, t.lawPlanPdf);
  const run = (button: HTMLButtonElement, job: () => Promise<string | null>) => {
    button.addEventListener("click", () => {
      button.disabled = true;
      job()
        .then((path) => {
          if (path) say(t.exported(path, false));
        })
        .catch(fail)
        .finally(() => {
          button.disabled = false;
        });
    });
  };
  run(picture, () =>
    api.exportLawPicture({
      lastMonth: lastMonth.value || undefined,
      months: Number(months.value) || undefined,
      to: to.values(),
      archival: archival.checked,
    }),
  );
  run(plan, () => api.exportActionPlan(to.values()));

  // The coordinator's texts.
  const consequences = h("textarea", { id: "law-consequences", rows: 4 });
  const causes = h("textarea", { id: "law-causes", rows: 6 });
  const saveTexts = h("button", { type: "submit", id: "law-texts-save" }, t.lawTextsSave);
  const texts = h(
    "form",
    { id: "law-texts", class: "insats-form" },
    h("h3", {}, t.lawTextsTitle),
    field(t.lawConsequences, consequences),
    field(t.lawCauses, causes),
    saveTexts,
  );
  texts.addEventListener("submit", (ev) => {
    ev.preventDefault();
    saveTexts.disabled = true;
    api
      .setLawTexts({ consequences: consequences.value, causes: causes.value })
      .then(() => say(t.lawTextsSaved))
      .catch(fail)
      .finally(() => {
        saveTexts.disabled = false;
      });
  });

  // Other knowledge sources.
  const sTitle = h("input", { id: "source-title", size: 30 });
  const sFrom = h("input", { id: "source-from", size: 20 });
  const sDate = h("input", { id: "source-date", size: 10, placeholder: t.datePlaceholder });
  const sArea = h("select", { id: "source-area" });
  const sSummary = h("textarea", { id: "source-summary", rows: 3 });
  const sLabel = h("input", { id: "source-figure-label", size: 30 });
  const sValue = h("input", { id: "source-figure", size: 10 });
  const sSave = h("button", { type: "submit", id: "source-save" }, t.sourceSave);
  const sForm = h(
    "form",
    { id: "source-form", class: "insats-form" },
    h("h3", {}, t.sourceNew),
    h("div", { class: "form-grid" }, field(t.sourceTitle, sTitle), field(t.sourceFrom, sFrom), field(t.fieldDate, sDate), field(t.placeArea, sArea)),
    field(t.sourceSummary, sSummary),
    h("div", { class: "form-grid" }, field(t.sourceFigureLabel, sLabel), field(t.sourceFigure, sValue)),
    sSave,
  );
  const list = h("ul", { id: "source-list", class: "history" });
  sForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    sSave.disabled = true;
    api
      .addSource({
        title: sTitle.value,
        source: sFrom.value,
        date: sDate.value,
        summary: sSummary.value,
        figureLabel: sLabel.value,
        figureValue: sValue.value,
        area: sArea.value || undefined,
      })
      .then((s) => {
        say(t.sourceAdded(s.title));
        for (const c of [sTitle, sFrom, sDate, sSummary, sLabel, sValue]) c.value = "";
        return refresh();
      })
      .catch(fail)
      .finally(() => {
        sSave.disabled = false;
      });
  });

  function item(s: Source): HTMLElement {
    const remove = h("button", { type: "button", class: "secondary", id: `source-delete-${s.id}` }, t.sourceDelete);
    remove.addEventListener("click", () => {
      api
        .deleteSource(s.id)
        .then(() => refresh())
        .catch(fail);
    });
    const line = [s.source, s.date, s.area ?? ""].filter((x) => x.length > 0).join(" · ");
    const figure = s.figureValue ? `${s.figureLabel ? `${s.figureLabel}: ` : ""}${s.figureValue}` : "";
    return h("li", { "data-source": s.id }, h("strong", {}, s.title), ` (${line}) `, figure ? h("span", {}, figure) : "", " ", remove);
  }

  async function refresh(): Promise<void> {
    try {
      const [sources, law, areas, series] = await Promise.all([api.listSources(), api.lawTexts(), api.listAreas(), api.listMeetingSeries()]);
      list.replaceChildren(...(sources.length ? sources.map(item) : [h("li", { class: "hint" }, t.sourceNone)]));
      // Keep what is being typed; fill what is empty.
      if (document.activeElement !== consequences && !consequences.value) consequences.value = law.consequences;
      if (document.activeElement !== causes && !causes.value) causes.value = law.causes;
      const chosen = sArea.value;
      sArea.replaceChildren(h("option", { value: "" }, t.noArea), ...areas.filter((a) => a.active).map((a) => h("option", { value: a.name, selected: a.name === chosen }, a.name)));
      to.fill(
        lookups.partners.filter((p) => p.active).map((p) => p.name),
        series.map((s) => s.name),
      );
    } catch (e) {
      fail(e);
    }
  }

  const element = h(
    "section",
    { id: "law" },
    h("h2", {}, t.lawTitle),
    h("p", { class: "hint" }, t.lawIntro),
    h("div", { class: "form-grid" }, field(t.lawLastMonth, lastMonth), field(t.lawMonths, months)),
    h("label", { class: "check" }, archival, t.lawPdfa),
    to.element,
    h("div", { class: "actions" }, picture, plan),
    message,
    texts,
    h("h3", {}, t.sourcesTitle),
    list,
    sForm,
  );
  return { element, refresh };
}
