// First run: the database is empty; offer demo data or an empty start.

import { h } from "../dom";
import { t } from "../i18n/sv";
import { toIpcError, type Commands } from "../ipc/commands";

export function welcome(api: Commands, done: (message?: string) => void): HTMLElement {
  const demo = h("button", { type: "button", id: "load-demo" }, t.loadDemo);
  const empty = h("button", { type: "button", id: "start-empty", class: "secondary" }, t.startEmpty);
  const error = h("p", { class: "error", role: "alert" });
  demo.addEventListener("click", () => {
    demo.disabled = true;
    empty.disabled = true;
    demo.textContent = t.loading;
    api
      .loadDemo()
      .then((s) => done(t.demoLoaded(s.reports)))
      .catch((e: unknown) => {
        error.textContent = toIpcError(e).message;
        demo.disabled = false;
        empty.disabled = false;
        demo.textContent = t.loadDemo;
      });
  });
  empty.addEventListener("click", () => done());
  return h(
    "section",
    { class: "welcome", id: "welcome" },
    h("h2", {}, t.welcomeTitle),
    h("p", {}, t.welcomeText),
    h("div", { class: "actions" }, demo, empty),
    error,
  );
}
