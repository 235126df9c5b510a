// The import log: every file imported, with its counts, and undo.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Batch } from "../ipc/generated/Batch";

export interface ImportsView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function importsView(api: Commands, onUndone: () => void): ImportsView {
  const body = h("tbody", { id: "imports-rows" });
  const message = h("p", { class: "status", role: "status" });
  const empty = h("p", { class: "status", hidden: true }, t.importsEmpty);

  function row(b: Batch): HTMLTableRowElement {
    const undo = h("button", { type: "button", class: "secondary", "data-batch": b.id }, t.undoImport);
    undo.addEventListener("click", () => {
      undo.disabled = true;
      api
        .undoImport(b.id)
        .then((n) => {
          message.className = "status ok";
          message.textContent = t.undone(n);
          onUndone();
          return refresh();
        })
        .catch((e: unknown) => {
          message.className = "status error";
          message.textContent = toIpcError(e).message;
          undo.disabled = false;
        });
    });
    return h(
      "tr",
      {},
      h("td", { class: "num" }, b.id),
      h("td", {}, b.createdAt.replace("T", " ").replace("Z", "")),
      h("td", {}, b.fileName),
      h("td", {}, b.partner ?? ""),
      h("td", { class: "num" }, b.inserted),
      h("td", {}, t.counts(b.rowsRead, b.inserted, b.duplicates, b.flagged, b.skipped, b.masked)),
      h("td", {}, b.undoneAt ? t.statusUndone : undo),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const list = await api.listImports();
      body.replaceChildren(...list.map(row));
      empty.hidden = list.length > 0;
    } catch (e) {
      message.className = "status error";
      message.textContent = toIpcError(e).message;
    }
  }

  const element = h(
    "section",
    { id: "imports" },
    h("h2", {}, t.importsTitle),
    message,
    empty,
    h(
      "table",
      { class: "compact" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...[t.colImport, t.colWhenImported, t.colFile, t.colPartner, t.colNew, "", t.colStatus].map((x) => h("th", {}, x)),
        ),
      ),
      body,
    ),
  );
  return { element, refresh };
}
