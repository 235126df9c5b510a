// One report opened from the register: its fields to correct and save, a deletion that
// asks first and can be undone from here, and its history of changes by hand.

import { h } from "../dom";
import { localTime } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { HistoryEntry } from "../ipc/generated/HistoryEntry";
import type { Report } from "../ipc/generated/Report";
import { reportFields } from "./report-form";
import type { Lookups } from "./lookups";

export interface DetailHooks {
  /** The report changed, was deleted or came back: the list reloads. */
  changed(): void;
  close(): void;
}

export function reportDetail(api: Commands, lookups: Lookups, report: Report, hooks: DetailHooks): HTMLElement {
  let current = report;
  const { inputs, fields, read } = reportFields("edit", lookups);
  const fill = (r: Report) => {
    inputs.date.value = r.occurredDate;
    inputs.time.value = r.occurredTime ?? "";
    inputs.place.value = r.place ?? "";
    inputs.category.value = r.category;
    inputs.partner.value = r.partner;
    inputs.count.value = String(r.count);
    inputs.assessment.value = r.assessment ?? "";
    inputs.text.value = r.text;
  };
  // A retired place, category or partner stays selectable for the report that has it.
  for (const [select, value] of [
    [inputs.place, report.place],
    [inputs.category, report.category],
    [inputs.partner, report.partner],
  ] as const) {
    if (value && ![...select.options].some((o) => o.value === value)) select.append(h("option", { value }, value));
  }
  fill(report);

  const title = h("h2", { id: "edit-title" }, t.detailTitle(report.id));
  const message = h("p", { id: "edit-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    message.className = ok ? "status ok" : "status error";
    message.textContent = text;
  };
  const save = h("button", { type: "submit", id: "edit-save" }, t.saveChanges);
  const remove = h("button", { type: "button", id: "edit-delete", class: "secondary danger" }, t.deleteReport);
  const close = h("button", { type: "button", id: "edit-close", class: "secondary" }, t.close);
  const history = h("ol", { id: "edit-history", class: "history" });

  async function loadHistory(): Promise<void> {
    const list: HistoryEntry[] = await api.reportHistory(current.id).catch(() => []);
    history.replaceChildren(
      ...(list.length === 0
        ? [h("li", { class: "hint" }, t.historyEmpty)]
        : list.map((e) => {
            const when = localTime(e.changedAt);
            const head = e.action === "edit" ? t.historyEdit(when) : e.action === "delete" ? t.historyDelete(when) : t.historyRestore(when);
            return h("li", {}, head, ...e.changes.map((c) => h("div", { class: "change" }, `${c.field}: ${c.before || "–"} → ${c.after || "–"}`)));
          })),
    );
  }

  const form = h(
    "form",
    { id: "edit-form", class: "report-form", novalidate: true },
    title,
    h("p", { class: "hint" }, t.detailHint),
    ...fields,
    h("div", { class: "import-actions" }, save, remove, close),
    message,
    h("h3", {}, t.historyTitle),
    history,
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const parsed = read();
    if ("errors" in parsed) return;
    save.disabled = true;
    api
      .editReport(current.id, parsed.report)
      .then((r) => {
        current = r;
        fill(r);
        say(t.savedChanges);
        hooks.changed();
        return loadHistory();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => {
        save.disabled = false;
      });
  });

  // Delete asks first; afterwards the same place offers to undo it.
  let armed = false;
  remove.addEventListener("click", () => {
    if (!armed) {
      armed = true;
      say(t.deleteConfirm);
      remove.textContent = t.deleteConfirmButton;
      return;
    }
    remove.disabled = true;
    api
      .deleteReport(current.id)
      .then((change) => {
        hooks.changed();
        const undo = h("button", { type: "button", id: "edit-restore" }, t.restoreReport);
        undo.addEventListener("click", () => {
          undo.disabled = true;
          api
            .restoreReport(change)
            .then((r) => {
              current = r;
              hooks.changed();
              form.replaceWith(reportDetail(api, lookups, r, hooks));
            })
            .catch((e: unknown) => {
              undo.disabled = false;
              say(toIpcError(e).message, false);
            });
        });
        save.disabled = true;
        for (const input of Object.values(inputs)) input.disabled = true;
        remove.replaceWith(undo);
        say(t.deleted);
      })
      .catch((e: unknown) => {
        remove.disabled = false;
        say(toIpcError(e).message, false);
      });
  });
  close.addEventListener("click", () => hooks.close());
  form.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") hooks.close();
  });
  void loadHistory();
  return form;
}
