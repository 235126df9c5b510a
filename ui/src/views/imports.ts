// The import log: every file imported, with its counts, and undo.

import { h } from "../dom";
import { localTime } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
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
    // Ask first, saying how many reports go.
    let armed = false;
    undo.addEventListener("click", () => {
      if (!armed) {
        armed = true;
        table.message.className = "status";
        table.message.textContent = t.undoConfirm(b.inserted);
        undo.textContent = t.undoConfirmButton;
        return;
      }
      table.act(undo, () => api.undoImport(b.id).then((n) => t.undone(n)), onUndone);
    });
    return h(
      "tr",
      {},
      h("td", { class: "num" }, b.id),
      h("td", {}, localTime(b.createdAt)),
      h("td", {}, b.fileName),
      h("td", {}, b.partner ?? ""),
      h("td", { class: "num" }, b.inserted),
      h("td", {}, t.counts(b.rowsRead, b.inserted, b.duplicates, b.flagged, b.skipped, b.masked)),
      h("td", {}, b.undoneAt ? t.statusUndone : undo),
    );
  }

  // Personal data already stored: found on request, masked only when asked again.
  const scanStatus = h("p", { id: "personal-data-status", class: "status", role: "status" });
  const scanButton = h("button", { type: "button", id: "personal-data-scan", class: "secondary" }, t.personalDataScan);
  const maskButton = h("button", { type: "button", id: "personal-data-mask", disabled: true }, t.personalDataMask);
  const runScan = (mask: boolean) => {
    scanButton.disabled = true;
    maskButton.disabled = true;
    api
      .scanPersonalData(mask)
      .then((r) => {
        const any = r.personnummer + r.phone > 0;
        scanStatus.className = "status";
        scanStatus.textContent = any
          ? t.personalDataFound(r.personnummer, r.phone, r.reports, r.importIssues, r.otherTexts, r.masked)
          : t.personalDataNone;
        maskButton.disabled = !any || r.masked;
        if (r.masked) onUndone();
      })
      .catch((e: unknown) => {
        scanStatus.className = "status error";
        scanStatus.textContent = toIpcError(e).message;
      })
      .finally(() => {
        scanButton.disabled = false;
      });
  };
  scanButton.addEventListener("click", () => runScan(false));
  maskButton.addEventListener("click", () => runScan(true));

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
    h("h2", {}, t.personalDataTitle),
    h("p", { class: "hint" }, t.personalDataHint),
    h("div", { class: "import-actions" }, scanButton, maskButton),
    scanStatus,
  );
  return { element, refresh: table.refresh };
}
