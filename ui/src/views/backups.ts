// Backups, in Grunddata: when the last ones were made, one now, and a restore (the
// core backs up the current state first). After a restore the app starts over on the
// restored database.

import { h } from "../dom";
import { decimal, localTime } from "../format";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { BackupInfo } from "../ipc/generated/BackupInfo";

export interface BackupsView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function backupsView(api: Commands): BackupsView {
  const note = h("p", { id: "backup-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    note.className = ok ? "status ok" : "status error";
    note.textContent = text;
  };
  const body = h("tbody", { id: "backup-list" });
  const create = h("button", { type: "button", id: "backup-create" }, t.backupCreate);
  create.addEventListener("click", () => {
    create.disabled = true;
    api
      .createBackup()
      .then((b) => {
        say(t.backupMade(b.fileName));
        return refresh();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => {
        create.disabled = false;
      });
  });

  function row(b: BackupInfo, i: number): HTMLElement {
    // A restore asks twice: the first click says what will happen.
    const restore = h("button", { type: "button", class: "secondary", id: `backup-restore-${i}` }, t.backupRestore);
    let armed = false;
    restore.addEventListener("click", () => {
      if (!armed) {
        armed = true;
        restore.textContent = t.backupRestoreConfirm;
        say(t.backupRestoreWarning(localTime(b.createdAt)));
        return;
      }
      restore.disabled = true;
      api
        .restoreBackup(b.path)
        .then(() => {
          say(t.backupRestored);
          window.location.reload();
        })
        .catch((e: unknown) => say(toIpcError(e).message, false))
        .finally(() => {
          restore.disabled = false;
        });
    });
    return h(
      "tr",
      {},
      h("td", {}, localTime(b.createdAt)),
      h("td", {}, t.backupKind(b.kind)),
      h("td", { class: "num" }, `${decimal(b.bytes / 1e6)} MB`),
      h("td", { class: "actions" }, restore),
    );
  }

  async function refresh(): Promise<void> {
    try {
      const list = await api.listBackups();
      body.replaceChildren(...(list.length ? list.map(row) : [h("tr", {}, h("td", { colspan: "4", class: "hint" }, t.backupNone))]));
    } catch (e) {
      say(toIpcError(e).message, false);
    }
  }

  const element = h(
    "section",
    { class: "register-section", id: "backups" },
    h("h3", {}, t.backupsTitle),
    h("p", { class: "hint" }, t.backupsIntro),
    h("div", { class: "actions" }, create),
    note,
    h(
      "div",
      { class: "table-wrap" },
      h("table", { class: "compact" }, h("thead", {}, h("tr", {}, h("th", {}, t.backupWhen), h("th", {}, t.backupKindTitle), h("th", { class: "num" }, t.backupSize), h("th", {}, ""))), body),
    ),
  );
  return { element, refresh };
}
