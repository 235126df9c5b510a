// Boots the window: opens the database through the shell, then shows the first-run
// offer or the reports screen (list + add form).

import { h } from "./dom";
import { t } from "./i18n/sv";
import { commands, toIpcError, type Commands } from "./ipc/commands";
import type { AppInfo } from "./ipc/generated/AppInfo";
import { loadLookups } from "./views/lookups";
import { reportForm } from "./views/report-form";
import { reportList } from "./views/report-list";
import { welcome } from "./views/welcome";

function header(info: AppInfo | null): HTMLElement {
  return h(
    "header",
    { class: "top" },
    h("h1", {}, t.appName),
    info ? h("span", { class: "db", title: info.dbPath }, `${t.dbLabel}: ${info.dbPath}`) : null,
  );
}

async function showMain(root: HTMLElement, api: Commands, info: AppInfo, notice?: string): Promise<void> {
  const lookups = await loadLookups(api);
  const list = reportList(api, lookups);
  const form = reportForm(api, lookups, () => void list.refresh());
  root.replaceChildren(
    header(info),
    notice ? h("p", { class: "notice", id: "notice" }, notice) : "",
    h("main", { class: "layout" }, list.element, h("aside", {}, form)),
  );
  await list.refresh();
}

async function boot(root: HTMLElement, api: Commands): Promise<void> {
  root.replaceChildren(header(null), h("p", { class: "status" }, t.loading));
  let info: AppInfo;
  try {
    info = await api.appInfo();
  } catch (e) {
    root.replaceChildren(
      header(null),
      h("section", { class: "fatal", role: "alert" }, h("h2", {}, t.openFailedTitle), h("p", {}, toIpcError(e).message)),
    );
    return;
  }
  if (info.reports === 0 && info.places === 0) {
    root.replaceChildren(
      header(info),
      welcome(api, (notice) => {
        void api.appInfo().then((fresh) => showMain(root, api, fresh, notice));
      }),
    );
    return;
  }
  await showMain(root, api, info);
}

const root = document.getElementById("app");
if (root) {
  boot(root, commands).catch((e: unknown) => {
    root.append(h("p", { class: "error", role: "alert" }, toIpcError(e).message));
  });
}
