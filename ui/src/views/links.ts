// One incident, counted once: pairs of reports from two partners that Navet thinks
// are the same incident. The coordinator confirms ("samma händelse", counted once in
// the picture) or rejects (two incidents) each; both reports stay either way.

import { h } from "../dom";
import { t } from "../i18n/sv";
import type { Commands } from "../ipc/commands";
import type { Link } from "../ipc/generated/Link";
import type { LinkedReport } from "../ipc/generated/LinkedReport";
import { listTable } from "./list-table";

export interface LinksView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

function side(r: LinkedReport): string {
  return `${r.occurredAt.replace("T", " ")} · ${r.place ?? ""} · ${r.category} · ${r.partner} (${r.count})${r.text ? ` – ${r.text}` : ""}`;
}

export function linksView(api: Commands, onDecided: () => void): LinksView {
  const table = listTable({
    load: () => api.listLinks(),
    row,
    bodyId: "links-rows",
    emptyText: t.linksEmpty,
    messageId: "links-message",
  });

  function row(l: Link, i: number): HTMLTableRowElement {
    const same = h("button", { type: "button", id: `link-confirm-${i}` }, t.linkConfirm);
    const two = h("button", { type: "button", id: `link-reject-${i}`, class: "secondary" }, t.linkReject);
    same.addEventListener("click", () => table.act(same, () => api.confirmLink(l.id).then(() => t.linkConfirmed), onDecided));
    two.addEventListener("click", () => table.act(two, () => api.rejectLink(l.id).then(() => t.linkRejected), onDecided));
    return h(
      "tr",
      { "data-link": l.id },
      h("td", {}, side(l.first)),
      h("td", {}, side(l.second)),
      h("td", {}, same, " ", two),
    );
  }

  const suggest = h("button", { type: "button", id: "links-suggest", class: "secondary" }, t.linksSuggest);
  suggest.addEventListener("click", () => {
    table.act(suggest, () => api.suggestLinks().then((n) => t.linksSuggested(n)), () => undefined);
  });

  const element = h(
    "section",
    { id: "links" },
    h("h2", {}, t.linksTitle),
    h("p", { class: "hint" }, t.linksIntro),
    h("div", { class: "import-actions" }, suggest),
    table.message,
    table.empty,
    h(
      "table",
      { class: "compact" },
      h("thead", {}, h("tr", {}, h("th", {}, t.linkFirst), h("th", {}, t.linkSecond), h("th", {}))),
      table.body,
    ),
  );
  return { element, refresh: table.refresh };
}
