// The unplaced queue: partner place texts that matched no place. Connecting one to
// a place makes the text an alias, so next week's file matches by itself.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { UnplacedText } from "../ipc/generated/UnplacedText";
import type { Lookups } from "./lookups";

export interface UnplacedView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function unplacedView(api: Commands, lookups: Lookups, onResolved: () => void): UnplacedView {
  const body = h("tbody", { id: "unplaced-rows" });
  const message = h("p", { id: "unplaced-message", class: "status", role: "status" });
  const empty = h("p", { class: "status", hidden: true }, t.unplacedEmpty);

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
    const button = h("button", { type: "button", id: `unplaced-connect-${i}` }, t.connect);
    button.addEventListener("click", () => {
      if (!select.value) return;
      button.disabled = true;
      api
        .resolveUnplaced(select.value, u.text)
        .then((n) => {
          message.className = "status ok";
          message.textContent = t.connected(u.text, select.value, n);
          onResolved();
          return refresh();
        })
        .catch((e: unknown) => {
          message.className = "status error";
          message.textContent = toIpcError(e).message;
          button.disabled = false;
        });
    });
    return h(
      "tr",
      { "data-text": u.text },
      h("td", {}, u.text),
      h("td", { class: "num" }, u.rows),
      h("td", {}, select),
      h("td", {}, button),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const list = await api.listUnplaced();
      body.replaceChildren(...list.map(row));
      empty.hidden = list.length > 0;
    } catch (e) {
      message.className = "status error";
      message.textContent = toIpcError(e).message;
    }
  }

  const element = h(
    "section",
    { id: "unplaced" },
    h("h2", {}, t.unplacedTitle),
    h("p", { class: "hint" }, t.unplacedIntro),
    message,
    empty,
    h(
      "table",
      { class: "compact" },
      h("thead", {}, h("tr", {}, h("th", {}, t.colSourceText), h("th", { class: "num" }, t.colReports), h("th", {}, t.colConnect), h("th", {}))),
      body,
    ),
  );
  return { element, refresh };
}
