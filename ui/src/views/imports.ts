// The import log: every file imported, with its counts, and undo.

import { h } from "../dom";
import { t } from "../i18n/sv";
import type { Commands } from "../ipc/commands";
import type { Batch } from "../ipc/generated/Batch";
import { listTable } from "./list-table";

export interface ImportsView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function importsView(api: Commands, onUndone: () => void): ImportsView {
  const table = listTable({
    load: () => api.listImports(),
    row,
    bodyId: "imports-rows",
    emptyText: t.importsEmpty,
  });

  function row(b: Batch): HTMLTableRowElement {
    const undo = h("button", { type: "button", class: "secondary", "data-batch": b.id }, t.undoImport);
    undo.addEventListener("click", () => {
      table.act(undo, () => api.undoImport(b.id).then((n) => t.undone(n)), onUndone);
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

  const element = h(
    "section",
    { id: "imports" },
    h("h2", {}, t.importsTitle),
    table.message,
    table.empty,
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
      table.body,
    ),
  );
  return { element, refresh: table.refresh };
}
