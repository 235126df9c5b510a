// Encryption, in Grunddata: whether the database and its backups are encrypted, and
// turning it on (a new passphrase typed twice), changing the passphrase, or turning it
// off (asked twice). The core rewrites the database and re-keys every backup.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";
import type { EncryptionStatus } from "../ipc/generated/EncryptionStatus";

export interface EncryptionView {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function encryptionView(api: Commands): EncryptionView {
  const intro = h("p", { class: "hint", id: "encryption-state" });
  const warning = h("p", { class: "hint" }, t.encryptionWarning);
  const note = h("p", { id: "encryption-message", class: "status", role: "status" });
  const say = (text: string, ok = true) => {
    note.className = ok ? "status ok" : "status error";
    note.textContent = text;
  };
  const fresh = h("input", { type: "password", id: "encryption-new", autocomplete: "new-password" });
  const repeat = h("input", { type: "password", id: "encryption-repeat", autocomplete: "new-password" });
  const submit = h("button", { type: "submit", id: "encryption-set" }, t.encryptionTurnOn);
  const off = h("button", { type: "button", class: "secondary", id: "encryption-off", hidden: "" }, t.encryptionTurnOff);
  const form = h(
    "form",
    { id: "encryption-form" },
    h("label", { class: "field" }, t.encryptionNew, fresh),
    h("label", { class: "field" }, t.encryptionRepeat, repeat),
    h("div", { class: "actions" }, submit, off),
  );

  const busy = (on: boolean) => {
    submit.disabled = on;
    off.disabled = on;
    if (on) say(t.encryptionWorking);
  };
  const done = (encrypted: boolean, backups: number, failed: string[]) => {
    say(t.encryptionDone(encrypted, backups) + (failed.length ? ` ${t.encryptionFailedBackups(failed)}` : ""), failed.length === 0);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(true);
    api
      .setEncryption(fresh.value, repeat.value)
      .then((c) => {
        fresh.value = "";
        repeat.value = "";
        done(c.encrypted, c.backups, c.backupsFailed);
        return show();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => busy(false));
  });

  // Turning it off asks twice: the first click says what it means.
  let armed = false;
  off.addEventListener("click", () => {
    if (!armed) {
      armed = true;
      off.textContent = t.encryptionTurnOffConfirm;
      say(t.encryptionTurnOffWarning, false);
      return;
    }
    armed = false;
    off.textContent = t.encryptionTurnOff;
    busy(true);
    api
      .setEncryption(null, null)
      .then((c) => {
        done(c.encrypted, c.backups, c.backupsFailed);
        return show();
      })
      .catch((e: unknown) => say(toIpcError(e).message, false))
      .finally(() => busy(false));
  });

  function render(s: EncryptionStatus): void {
    intro.textContent =
      (s.encrypted ? t.encryptionIntroOn(s.cipher) : t.encryptionIntroOff) +
      (s.backupsDiffering.length ? ` ${t.encryptionDiffering(s.backupsDiffering.length, s.encrypted)}` : "");
    submit.textContent = s.encrypted ? t.encryptionChange : t.encryptionTurnOn;
    off.hidden = !s.encrypted;
  }

  async function show(): Promise<void> {
    render(await api.encryptionStatus());
  }

  async function refresh(): Promise<void> {
    try {
      await show();
    } catch (e) {
      say(toIpcError(e).message, false);
    }
  }

  const element = h("section", { class: "register-section", id: "encryption" }, h("h3", {}, t.encryptionTitle), intro, warning, form, note);
  return { element, refresh };
}
