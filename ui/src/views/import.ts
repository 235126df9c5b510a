// The import wizard: choose or drop a file, preview with every problem shown,
// adjust the column mapping, import with progress and cancel, undo.

import { h, options } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { Field } from "../ipc/generated/Field";
import type { ImportOptions } from "../ipc/generated/ImportOptions";
import type { ImportResult } from "../ipc/generated/ImportResult";
import type { OnProblem } from "../ipc/generated/OnProblem";
import type { Lookups } from "./lookups";
import { importOptions, mappingFrom } from "../import-options";

const FIELDS = Object.keys(t.fieldNames) as Field[];

export interface ImportView {
  element: HTMLElement;
  /** Takes a path dropped on the window. */
  setPath(path: string): void;
}

/** How long a change in the preview waits for the next one before asking the core. */
const PREVIEW_DEBOUNCE_MS = 250;

export function importView(
  api: Commands,
  lookups: Lookups,
  onImported: () => void,
  onShowRows: (batch: string) => void = () => undefined,
): ImportView {
  const path = h("input", { type: "text", id: "import-path", placeholder: t.filePath, size: 60 });
  const choose = h("button", { type: "button", id: "import-choose", class: "secondary" }, t.chooseFile);
  const partner = lookups.bind(
    h("select", { id: "import-partner" }),
    t.partnerFromFile,
    () => lookups.partners.filter((p) => p.active).map((p) => p.name),
  );
  const previewButton = h("button", { type: "button", id: "import-preview" }, t.previewButton);
  const status = h("p", { id: "import-status", class: "status", role: "status" });
  const area = h("div", { id: "import-preview-area" });
  const drop = h("div", { id: "import-drop", class: "dropzone" }, t.dropHere);

  let current: ImportResult | null = null;
  let mapping: [string, Field][] | null = null;
  const categoryMap = new Map<string, string>();
  /** Dates typed for rows whose own could not be read: line → date. */
  const dateFixes = new Map<number, string>();

  const onProblem = h(
    "select",
    { id: "import-on-problem" },
    h("option", { value: "flag" }, t.onProblemFlag),
    h("option", { value: "skip" }, t.onProblemSkip),
    h("option", { value: "abort" }, t.onProblemAbort),
  );
  const mask = h("input", { type: "checkbox", id: "import-mask", checked: true });

  const opts = (): ImportOptions =>
    importOptions({
      partner: partner.value,
      onProblem: onProblem.value as OnProblem,
      mask: mask.checked,
      mapping,
      categories: [...categoryMap.entries()],
      dateFixes: [...dateFixes.entries()],
    });

  // Every preview has a number; a reply to any but the latest is dropped (the shell
  // also cancels a preview that a newer one replaced). Changes to the mapping, the
  // categories or the partner wait for a pause in clicking before asking.
  let previewSeq = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;

  async function preview(): Promise<void> {
    clearTimeout(pending);
    const seq = ++previewSeq;
    if (!path.value.trim()) {
      status.textContent = t.required(t.filePath);
      return;
    }
    status.className = "status";
    status.textContent = t.previewing;
    previewButton.disabled = true;
    try {
      const result = await api.previewImport(path.value.trim(), opts());
      if (seq !== previewSeq) return;
      current = result;
      status.textContent = "";
      render(current);
    } catch (e) {
      if (seq !== previewSeq) return;
      current = null;
      area.replaceChildren();
      status.className = "status error";
      status.textContent = toIpcError(e).message;
    } finally {
      if (seq === previewSeq) previewButton.disabled = false;
    }
  }

  function previewSoon(): void {
    clearTimeout(pending);
    pending = setTimeout(() => void preview(), PREVIEW_DEBOUNCE_MS);
  }

  function mappingTable(r: ImportResult): HTMLElement {
    const rows = r.columns.map((c) => {
      const select = h(
        "select",
        { "data-column": c.index, "aria-label": c.header || `#${c.index + 1}` },
        h("option", { value: "", selected: c.field === null }, t.fieldNone),
        ...FIELDS.map((f) => h("option", { value: f, selected: c.field === f }, t.fieldNames[f])),
      );
      select.addEventListener("change", () => {
        mapping = mappingFrom(
          r.columns.map((col) => ({
            header: col.header,
            index: col.index,
            field: col.index === c.index ? ((select.value || null) as Field | null) : col.field,
          })),
        );
        previewSoon();
      });
      return h("tr", {}, h("td", {}, c.header || `(${c.index + 1})`), h("td", {}, select));
    });
    return h(
      "table",
      { id: "import-mapping", class: "compact" },
      h("thead", {}, h("tr", {}, h("th", {}, t.mappingColumn), h("th", {}, t.mappingField))),
      h("tbody", {}, ...rows),
    );
  }

  /** A date typed for a row whose own could not be read: the row is then stored,
   *  flagged as corrected by hand, instead of skipped. */
  function dateFix(line: number): HTMLElement {
    const input = h("input", {
      type: "text",
      class: "date-fix",
      id: `import-date-fix-${line}`,
      placeholder: t.datePlaceholder,
      size: 10,
      "aria-label": t.dateFixFor(line),
      value: dateFixes.get(line) ?? "",
    });
    const use = h("button", { type: "button", class: "secondary", id: `import-date-fix-use-${line}` }, t.dateFixUse);
    const apply = () => {
      const v = input.value.trim();
      if (v) dateFixes.set(line, v);
      else dateFixes.delete(line);
      void preview();
    };
    use.addEventListener("click", apply);
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        apply();
      }
    });
    return h("span", { class: "date-fix-row" }, input, use);
  }

  /** "Stortorget (i filen: Torget)", or the file's text alone when nothing is stored. */
  function storedBeside(stored: string | null, file: string | null): string {
    if (!stored) return file ?? "";
    if (!file || file.trim().toLowerCase() === stored.toLowerCase()) return stored;
    return t.inFile(stored, file);
  }

  function render(r: ImportResult): void {
    const sample = h(
      "table",
      { id: "import-sample", class: "compact" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...[t.colLine, t.colWhen, t.colPlace, t.colCategory, t.colCount, t.colText, t.colAction].map((x) => h("th", {}, x)),
        ),
      ),
      h(
        "tbody",
        {},
        ...r.sample.map((s) =>
          h(
            "tr",
            { class: `action-${s.action}` },
            h("td", { class: "num" }, s.line),
            h("td", {}, [s.date, s.time].filter((x) => x).join(" ")),
            // What is stored, with the file's own text beside it when it differs; a
            // place the file names but Navet does not know is stored unplaced.
            h("td", { class: s.place && !s.placeResolved ? "unplaced" : "" }, storedBeside(s.storedPlace, s.place)),
            h("td", {}, storedBeside(s.storedCategory, s.category)),
            h("td", { class: "num" }, s.count),
            h("td", { class: "text" }, s.text),
            h("td", {}, t.actions[s.action] ?? s.action),
          ),
        ),
      ),
    );
    const issues =
      r.issues.length === 0
        ? h("p", { class: "status ok" }, t.noProblems)
        : h(
            "table",
            { id: "import-issues", class: "compact" },
            h("thead", {}, h("tr", {}, h("th", {}, t.colLine), h("th", {}, t.colColumn), h("th", {}, t.colMessage), h("th", {}, t.colAction))),
            h(
              "tbody",
              {},
              ...r.issues.map((i) =>
                h(
                  "tr",
                  { class: `issue-${i.action}` },
                  h("td", { class: "num" }, i.line),
                  h("td", {}, i.column ?? ""),
                  h("td", {}, i.message, i.needsDate ? dateFix(i.line) : ""),
                  h("td", {}, t.actions[i.action] ?? i.action),
                ),
              ),
            ),
          );
    const unplaced =
      r.unplaced.length === 0
        ? null
        : h(
            "div",
            {},
            h("h3", {}, t.unplacedInFile),
            h(
              "ul",
              { id: "import-unplaced" },
              ...r.unplaced.map((u) => h("li", {}, `${u.text} (${u.rows})`)),
            ),
          );
    const unmapped =
      r.unmappedCategories.length === 0
        ? null
        : h(
            "div",
            {},
            h("h3", {}, t.unmappedTitle),
            h(
              "table",
              { id: "import-unmapped", class: "compact" },
              h(
                "tbody",
                {},
                ...r.unmappedCategories.map((u) => {
                  const select = h(
                    "select",
                    { "aria-label": `${t.mapCategoryTo} ${u.label}`, "data-label": u.label },
                    ...options(
                      t.choose,
                      lookups.categories.filter((c) => c.active).map((c) => c.name),
                    ),
                  );
                  select.addEventListener("change", () => {
                    if (select.value) categoryMap.set(u.label, select.value);
                    else categoryMap.delete(u.label);
                    previewSoon();
                  });
                  return h("tr", {}, h("td", {}, `${u.label} (${u.rows})`), h("td", {}, t.mapCategoryTo), h("td", {}, select));
                }),
              ),
            ),
          );
    const run = h("button", { type: "button", id: "import-run" }, t.importButton);
    run.addEventListener("click", () => void commit());
    area.replaceChildren(
      h("p", { id: "import-detected" }, `${t.detected}: ${t.detectedFormat(r.formatLabel, r.encoding, r.delimiter, r.sheet)}. ${t.headerLine(r.headerLine)} ${t.dayOrder[r.dayOrder] ?? ""}.`),
      r.yearNote ? h("p", { id: "import-year-note", class: "hint" }, r.yearNote) : "",
      r.profile ? h("p", { class: "hint" }, t.profileUsed(r.profile)) : "",
      h("p", { id: "import-counts", class: "counts" }, t.counts(r.rows, r.inserted, r.duplicates, r.flagged, r.skipped, r.masked)),
      h("div", { class: "import-grid" }, h("div", {}, h("h3", {}, t.mappingTitle), mappingTable(r)), h("div", {}, h("h3", {}, t.sampleTitle), sample)),
      h("h3", {}, t.problemsTitle(r.issuesTotal)),
      issues,
      unplaced ?? "",
      unmapped ?? "",
      h("div", { class: "import-actions" }, h("label", {}, t.onProblem, onProblem), h("label", { class: "check" }, mask, t.maskPersonal), run),
    );
  }

  async function commit(): Promise<void> {
    if (!current) return;
    const bar = h("progress", { id: "import-bar", max: 1, value: 0 });
    const text = h("span", { id: "import-progress-text" });
    const cancel = h("button", { type: "button", id: "import-cancel", class: "secondary" }, t.cancel);
    cancel.addEventListener("click", () => void api.cancelImport());
    area.replaceChildren(h("div", { class: "progress" }, bar, text, cancel));
    try {
      const r = await api.runImport(path.value.trim(), opts(), (p) => {
        bar.max = p.estimated;
        bar.value = p.rows;
        text.textContent = t.importing(p.rows, p.estimated);
      });
      const undo = h("button", { type: "button", id: "import-undo", class: "secondary" }, t.undoImport);
      const done = h("p", { id: "import-done", class: "status ok" }, t.importDone(r.inserted, r.batch ?? ""));
      // Undo asks first, saying how many reports go; afterwards the file can be
      // imported again from here.
      let armed = false;
      const redo = h("button", { type: "button", id: "import-redo", class: "secondary" }, t.redoImport);
      redo.addEventListener("click", () => void commit());
      undo.addEventListener("click", () => {
        if (!armed) {
          armed = true;
          done.className = "status";
          done.textContent = t.undoConfirm(r.inserted);
          undo.textContent = t.undoConfirmButton;
          return;
        }
        undo.disabled = true;
        api
          .undoImport(r.batch ?? "")
          .then((n) => {
            done.className = "status ok";
            done.textContent = t.undone(n);
            undo.replaceWith(redo);
            onImported();
          })
          .catch((e: unknown) => {
            done.className = "status error";
            done.textContent = toIpcError(e).message;
          });
      });
      // The result leads to its own rows in the register.
      const showRows = h("button", { type: "button", id: "import-show-rows" }, t.importedRows);
      showRows.addEventListener("click", () => onShowRows(r.batch ?? ""));
      const saveRejected = h("button", { type: "button", id: "import-save-rejected", class: "secondary" }, t.saveRejected);
      saveRejected.addEventListener("click", () => {
        api
          .saveRejectedRows(r.batch ?? "")
          .then((p) => {
            if (p) done.textContent = t.rejectedSaved(p);
          })
          .catch((e: unknown) => {
            done.className = "status error";
            done.textContent = toIpcError(e).message;
          });
      });
      area.replaceChildren(
        done,
        h("p", { class: "counts" }, t.counts(r.rows, r.inserted, r.duplicates, r.flagged, r.skipped, r.masked)),
        h("div", { class: "import-actions" }, showRows, undo, r.skipped > 0 ? saveRejected : ""),
      );
      onImported();
    } catch (e) {
      area.replaceChildren(h("p", { id: "import-done", class: "status error", role: "alert" }, toIpcError(e).message));
    }
  }

  function setPath(p: string): void {
    path.value = p;
    mapping = null;
    categoryMap.clear();
    dateFixes.clear();
    void preview();
  }

  choose.addEventListener("click", () => {
    api
      .chooseImportFile()
      .then((p) => {
        if (p) setPath(p);
      })
      .catch((e: unknown) => {
        status.textContent = toIpcError(e).message;
      });
  });
  previewButton.addEventListener("click", () => {
    mapping = null;
    categoryMap.clear();
    void preview();
  });
  // A changed input makes an old error stale: it goes.
  const clearError = () => {
    if (status.classList.contains("error")) {
      status.className = "status";
      status.textContent = "";
    }
  };
  partner.addEventListener("change", () => {
    clearError();
    if (current || path.value.trim()) previewSoon();
  });
  path.addEventListener("input", clearError);
  // Enter in the file field previews, as the button does.
  path.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter") return;
    ev.preventDefault();
    mapping = null;
    categoryMap.clear();
    void preview();
  });

  const element = h(
    "section",
    { class: "import", id: "import" },
    h("h2", {}, t.importTitle),
    h("p", { class: "hint" }, t.importIntro),
    drop,
    // The partner first: who sent the file decides how it is read.
    h("div", { class: "filters" }, h("label", {}, t.importPartner, partner), choose, h("label", {}, t.filePath, path), previewButton),
    status,
    area,
  );
  return { element, setPath };
}
