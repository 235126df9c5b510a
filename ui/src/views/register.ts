// Grunddata: what the picture is built on, in the order a new user needs it: the
// municipality's name, areas, places, partners, categories. Every list can add,
// rename, retire and restore; places can also move to another area and be merged.
// Each section says how its last action went right below its own controls.

import { h } from "../dom";
import { todayIso } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Area } from "../ipc/generated/Area";
import type { Kind } from "../ipc/generated/Kind";
import { backupsView } from "./backups";
import { encryptionView } from "./encryption";
import type { Lookups } from "./lookups";

export interface RegisterView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

/** One row of a named list, whatever its kind. */
interface Item {
  name: string;
  active: boolean;
  /** What the row says besides its name ("3 platser", "Andra namn: …"). */
  detail: string;
}

/** A section's feedback line: ok or error, always beside the section's own controls. */
function feedback(id: string): { line: HTMLParagraphElement; ok(text: string): void; fail(e: unknown): void; clear(): void } {
  const line = h("p", { id, class: "status", role: "status" });
  return {
    line,
    ok(text) {
      line.className = "status ok";
      line.textContent = text;
    },
    fail(e) {
      line.className = "status error";
      line.textContent = toIpcError(e).message;
    },
    clear() {
      line.className = "status";
      line.textContent = "";
    },
  };
}

/** A one-field form (Enter submits): a name and a button. */
function nameForm(id: string, label: string, button: string, submit: (name: string) => Promise<void>): HTMLFormElement {
  const input = h("input", { id: `${id}-name`, "aria-label": label, placeholder: label, autocomplete: "off" });
  const form = h("form", { class: "inline-form", id }, input, h("button", { type: "submit" }, button));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    void submit(name).then(() => {
      input.value = "";
    });
  });
  return form;
}

export function registerView(api: Commands, lookups: Lookups, changed: () => void): RegisterView {
  let areas: Area[] = [];
  const backups = backupsView(api);
  const encryption = encryptionView(api);

  // 1. The municipality.
  const municipality = h("input", { id: "register-municipality", autocomplete: "off" });
  const municipalityNote = feedback("register-municipality-message");
  const municipalityForm = h(
    "form",
    { class: "inline-form", id: "register-municipality-form" },
    h("label", { class: "field" }, t.municipalityLabel, municipality),
    h("button", { type: "submit" }, t.saveName),
  );
  municipalityForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = municipality.value.trim();
    if (!name) return;
    api
      .setMunicipality(name)
      .then(() => municipalityNote.ok(t.municipalitySaved(name)))
      .catch((e: unknown) => municipalityNote.fail(e));
  });

  /** A section for one kind: its add form, its rows, its feedback line. */
  function section(kind: Kind, title: string, add: HTMLElement, note: ReturnType<typeof feedback>) {
    const body = h("tbody", { id: `register-${kind}-rows` });
    const empty = h("p", { class: "status" }, t.emptyList);
    const element = h(
      "section",
      { class: "register-section", id: `register-${kind}` },
      h("h3", {}, title),
      add,
      note.line,
      empty,
      h("table", { class: "compact register-table" }, body),
    );
    return { element, body, empty };
  }

  /** Runs an action, reports it in `note`, then reloads every list. */
  function run(note: ReturnType<typeof feedback>, button: HTMLButtonElement | null, action: () => Promise<string>): Promise<void> {
    if (button) button.disabled = true;
    return action()
      .then(async (text) => {
        note.ok(text);
        changed();
        await refresh();
      })
      .catch((e: unknown) => {
        note.fail(e);
        if (button) button.disabled = false;
        throw e;
      });
  }

  /** The cells every kind shares: the name (or its rename form), the detail, retire/restore. */
  function commonCells(kind: Kind, item: Item, i: number, note: ReturnType<typeof feedback>): HTMLTableCellElement[] {
    const nameCell = h("td", { class: "register-name" }, item.name, item.active ? null : h("span", { class: "retired" }, t.retiredMark));
    const renameButton = h("button", { type: "button", class: "secondary", id: `register-${kind}-rename-${i}` }, t.rename);
    renameButton.addEventListener("click", () => {
      const input = h("input", { value: item.name, "aria-label": t.renameTo(item.name), id: `register-${kind}-new-name-${i}` });
      const form = h("form", { class: "inline-form" }, input, h("button", { type: "submit" }, t.save));
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const next = input.value.trim();
        if (!next || next === item.name) return void refresh();
        void run(note, null, () => api.renameItem(kind, item.name, next).then(() => t.renamed(item.name, next))).catch(() => undefined);
      });
      input.addEventListener("keydown", (ev) => {
        if (ev.key === "Escape") void refresh();
      });
      nameCell.replaceChildren(form);
      input.focus();
      input.select();
    });
    const toggle = h(
      "button",
      { type: "button", class: "secondary", id: `register-${kind}-active-${i}` },
      item.active ? t.retire : t.restore,
    );
    toggle.addEventListener("click", () => {
      void run(note, toggle, () =>
        api.setItemActive(kind, item.name, !item.active).then(() => (item.active ? t.retired(item.name) : t.restored(item.name))),
      ).catch(() => undefined);
    });
    return [nameCell, h("td", { class: "hint" }, item.detail), h("td", { class: "actions" }, renameButton, toggle)];
  }

  // 2. Areas.
  const areaNote = feedback("register-area-message");
  const areaSection = section(
    "area",
    t.areasTitle,
    nameForm("register-area-add", t.newName, t.add, (name) => run(areaNote, null, () => api.addArea(name).then(() => t.added(name)))),
    areaNote,
  );

  // 3. Places: a name and an area to add; each row can move and merge too.
  const placeNote = feedback("register-place-message");
  const newPlaceName = h("input", { id: "register-place-add-name", "aria-label": t.newName, placeholder: t.newName, autocomplete: "off" });
  const newPlaceArea = h("select", { id: "register-place-add-area", "aria-label": t.placeArea });
  const placeForm = h(
    "form",
    { class: "inline-form", id: "register-place-add" },
    newPlaceName,
    newPlaceArea,
    h("button", { type: "submit" }, t.add),
  );
  placeForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = newPlaceName.value.trim();
    if (!name) return;
    const area = newPlaceArea.value || undefined;
    void run(placeNote, null, () => api.addPlace({ name, area, aliases: [] }).then(() => t.added(name)))
      .then(() => {
        newPlaceName.value = "";
      })
      .catch(() => undefined);
  });
  const placeSection = section("place", t.placesTitle, placeForm, placeNote);

  // 4. Partners, 5. Categories.
  const partnerNote = feedback("register-partner-message");
  const partnerSection = section(
    "partner",
    t.partnersTitle,
    nameForm("register-partner-add", t.newName, t.add, (name) => run(partnerNote, null, () => api.addPartner(name).then(() => t.added(name)))),
    partnerNote,
  );
  const categoryNote = feedback("register-category-message");
  const categorySection = section(
    "category",
    t.categoriesTitle,
    nameForm("register-category-add", t.newName, t.add, (name) => run(categoryNote, null, () => api.addCategory(name).then(() => t.added(name)))),
    categoryNote,
  );

  function areaOptions(selected: string | null): HTMLOptionElement[] {
    return [
      h("option", { value: "", selected: !selected }, t.noArea),
      ...areas.filter((a) => a.active || a.name === selected).map((a) => h("option", { value: a.name, selected: a.name === selected }, a.name)),
    ];
  }

  function placeRow(i: number): HTMLTableRowElement {
    const p = lookups.places[i];
    if (!p) return h("tr");
    const item: Item = { name: p.name, active: p.active, detail: p.aliases.length ? t.otherNames(p.aliases.join(", ")) : "" };
    const [nameCell, detail, actions] = commonCells("place", item, i, placeNote);
    const area = h("select", { id: `register-place-area-${i}`, "aria-label": t.placeArea }, ...areaOptions(p.area));
    area.addEventListener("change", () => {
      void run(placeNote, null, () => api.movePlace(p.name, area.value || null).then(() => t.moved(p.name))).catch(() => undefined);
    });
    const others = lookups.places.filter((o) => o.name !== p.name);
    const into = h(
      "select",
      { id: `register-place-merge-into-${i}`, "aria-label": t.mergeInto },
      h("option", { value: "" }, t.mergeInto),
      ...others.map((o) => h("option", { value: o.name }, o.name)),
    );
    const merge = h("button", { type: "button", class: "secondary", id: `register-place-merge-${i}`, disabled: true }, t.merge);
    let armed = false;
    into.addEventListener("change", () => {
      merge.disabled = !into.value;
      armed = false;
      merge.textContent = t.merge;
    });
    merge.addEventListener("click", () => {
      if (!into.value) return;
      const target = into.value;
      // Ask first: a merge moves reports and cannot be undone from this screen.
      if (!armed) {
        armed = true;
        placeNote.ok(t.mergeConfirm(p.name, target));
        merge.textContent = `${t.merge}?`;
        return;
      }
      void run(placeNote, merge, () => api.mergePlaces(p.name, target).then((n) => t.merged(p.name, target, n))).catch(() => undefined);
    });
    return h(
      "tr",
      { "data-name": p.name },
      nameCell,
      h("td", {}, area),
      detail,
      actions,
      h("td", { class: "actions" }, into, merge),
    );
  }

  /** How often a partner is expected to report; a late one is listed under Möten. */
  function rhythmSelect(name: string, days: number | null, i: number): HTMLSelectElement {
    const choices: [number | null, string][] = [
      [null, t.rhythmNone],
      [7, t.rhythmWeek],
      [14, t.rhythmTwoWeeks],
      [30, t.rhythmMonth],
    ];
    const s = h(
      "select",
      { id: `register-partner-rhythm-${i}`, "aria-label": t.rhythmLabel(name) },
      ...choices.map(([d, label]) => h("option", { value: d === null ? "" : String(d), selected: d === days }, label)),
    );
    s.addEventListener("change", () => {
      const d = s.value ? Number(s.value) : null;
      void run(partnerNote, null, () => api.setRhythm(name, d).then(() => t.rhythmSaved(name))).catch(() => undefined);
    });
    return s;
  }

  /** "Inga händelser" for last week (Monday to Sunday): a zero, not a silence. */
  function nothingButton(name: string, i: number): HTMLButtonElement {
    const b = h("button", { type: "button", class: "secondary", id: `register-partner-nothing-${i}` }, t.nothingLastWeek);
    b.addEventListener("click", () => {
      const today = new Date();
      const monday = new Date(today);
      monday.setDate(today.getDate() - ((today.getDay() + 6) % 7) - 7);
      const sunday = new Date(monday);
      sunday.setDate(monday.getDate() + 6);
      const from = todayIso(monday);
      const to = todayIso(sunday);
      void run(partnerNote, b, () => api.reportNothing(name, from, to).then(() => t.nothingSaved(name, from, to))).catch(() => undefined);
    });
    return b;
  }

  function fill(body: HTMLTableSectionElement, empty: HTMLElement, rows: HTMLTableRowElement[]): void {
    body.replaceChildren(...rows);
    empty.hidden = rows.length > 0;
  }

  async function refresh(): Promise<void> {
    try {
      const [list, info] = await Promise.all([api.listAreas(), api.appInfo(), lookups.refresh()]);
      areas = list;
      if (document.activeElement !== municipality) municipality.value = info.municipality ?? "";
      newPlaceArea.replaceChildren(...areaOptions(newPlaceArea.value || null));
      fill(
        areaSection.body,
        areaSection.empty,
        areas.map((a, i) =>
          h("tr", { "data-name": a.name }, ...commonCells("area", { name: a.name, active: a.active, detail: t.placesCount(a.places) }, i, areaNote)),
        ),
      );
      fill(placeSection.body, placeSection.empty, lookups.places.map((_, i) => placeRow(i)));
      fill(
        partnerSection.body,
        partnerSection.empty,
        lookups.partners.map((p, i) =>
          h(
            "tr",
            { "data-name": p.name },
            ...commonCells("partner", { name: p.name, active: p.active, detail: t.reportsCount(p.reports) }, i, partnerNote),
            h("td", { class: "actions" }, rhythmSelect(p.name, p.rhythmDays, i), nothingButton(p.name, i)),
          ),
        ),
      );
      fill(
        categorySection.body,
        categorySection.empty,
        lookups.categories.map((c, i) => h("tr", { "data-name": c.name }, ...commonCells("category", { name: c.name, active: c.active, detail: "" }, i, categoryNote))),
      );
    } catch (e) {
      areaNote.fail(e);
    }
  }

  const element = h(
    "section",
    { id: "register" },
    h("h2", {}, t.registerTitle),
    h("p", { class: "hint" }, t.registerIntro),
    h("section", { class: "register-section", id: "register-municipality-section" }, h("h3", {}, t.municipalityTitle), municipalityForm, municipalityNote.line),
    areaSection.element,
    placeSection.element,
    partnerSection.element,
    categorySection.element,
    backups.element,
    encryption.element,
  );
  const clearAll = () => [municipalityNote, areaNote, placeNote, partnerNote, categoryNote].forEach((n) => n.clear());
  return {
    element,
    refresh: () => {
      clearAll();
      return Promise.all([refresh(), backups.refresh(), encryption.refresh()]).then(() => undefined);
    },
  };
}
