// The unplaced queue: partner place texts that matched no place. Connecting one to
// a place makes the text another name for it, so next week's file matches by itself;
// or the text becomes a new place (in the area chosen beside it).

import { h } from "../dom";
import { t } from "../i18n/sv";
import type { Commands } from "../ipc/commands";
import type { UnplacedText } from "../ipc/generated/UnplacedText";
import { listTable } from "./list-table";
import type { Lookups } from "./lookups";

export interface UnplacedView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function unplacedView(
  api: Commands,
  lookups: Lookups,
  onResolved: () => void,
  onCount: (waiting: number) => void = () => undefined,
): UnplacedView {
  let areas: string[] = [];
  const table = listTable({
    load: async () => {
      const [list, areaList] = await Promise.all([api.listUnplaced(), api.listAreas()]);
      areas = areaList.filter((a) => a.active).map((a) => a.name);
      onCount(list.length);
      return list;
    },
    row,
    bodyId: "unplaced-rows",
    emptyText: t.unplacedEmpty,
    messageId: "unplaced-message",
  });

  function row(u: UnplacedText, i: number): HTMLTableRowElement {
    const names = lookups.places.map((p) => p.name);
    // Suggestions may be aliases; offer their places, suggestions first.
    const suggested = u.suggestions
      .map((s) => lookups.places.find((p) => p.name === s || p.aliases.includes(s))?.name)
      .filter((n): n is string => !!n);
    const ordered = [...new Set([...suggested, ...names])];
    const select = h(
      "select",
      { id: `unplaced-place-${i}`, "aria-label": t.colConnect },
      h("option", { value: "" }, t.choose),
      ...ordered.map((n, j) => h("option", { value: n, selected: j === 0 && suggested.length > 0 }, n)),
    );
    const button = h("button", { type: "button", id: `unplaced-connect-${i}`, disabled: !select.value }, t.connect);
    // "Koppla" waits until a place is chosen.
    select.addEventListener("change", () => {
      button.disabled = !select.value;
    });
    const area = h(
      "select",
      { id: `unplaced-area-${i}`, "aria-label": t.placeArea },
      h("option", { value: "" }, t.noArea),
      ...areas.map((a) => h("option", { value: a }, a)),
    );
    const create = h("button", { type: "button", class: "secondary", id: `unplaced-create-${i}` }, t.createPlace);
    create.addEventListener("click", () => {
      table.act(create, () => api.placeAsNew(u.text, area.value || null).then((n) => t.createdPlace(u.text, n)), onResolved);
    });
    button.addEventListener("click", () => {
      if (!select.value) return;
      const place = select.value;
      table.act(
        button,
        () => api.resolveUnplaced(place, u.text).then((n) => t.connected(u.text, place, n)),
        onResolved,
      );
    });
    return h(
      "tr",
      { "data-text": u.text },
      h("td", {}, u.text),
      h("td", { class: "num" }, u.rows),
      h("td", {}, select),
      h("td", {}, button),
      h("td", { class: "actions" }, area, create),
    );
  }

  const element = h(
    "section",
    { id: "unplaced" },
    h("h2", {}, t.unplacedTitle),
    h("p", { class: "hint" }, t.unplacedIntro),
    table.message,
    table.empty,
    h(
      "table",
      { class: "compact" },
      h("thead", {}, h("tr", {}, h("th", {}, t.colSourceText), h("th", { class: "num" }, t.colReports), h("th", {}, t.colConnect), h("th", {}), h("th", {}, t.createPlace))),
      table.body,
    ),
  );
  return { element, refresh: table.refresh };
}
