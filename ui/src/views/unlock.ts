// The screen before anything opens when the database is encrypted: the passphrase, and
// what a wrong one means. A right one opens the database and the app starts.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";

export function unlockView(api: Commands, opened: () => void): HTMLElement {
  const input = h("input", { type: "password", id: "unlock-passphrase", autocomplete: "current-password", required: "" });
  const button = h("button", { type: "submit", id: "unlock-open" }, t.unlockButton);
  const note = h("p", { id: "unlock-message", class: "status", role: "status" });
  const form = h(
    "form",
    { id: "unlock-form", class: "unlock" },
    h("label", { class: "field" }, t.unlockLabel, input),
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const passphrase = input.value;
    if (!passphrase) return;
    button.disabled = true;
    note.className = "status";
    note.textContent = t.unlocking;
    api
      .unlock(passphrase)
      .then(opened)
      .catch((e: unknown) => {
        note.className = "status error";
        note.textContent = toIpcError(e).message;
        input.select();
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  queueMicrotask(() => input.focus());
  return h("section", { id: "unlock", class: "welcome" }, h("h2", {}, t.unlockTitle), h("p", { class: "hint" }, t.unlockIntro), form, note);
}
