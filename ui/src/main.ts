// Boots the window: opens the database through the shell, then shows the first-run
// offer or the reports screen (list + add form).

import { h } from "./dom";
import { t } from "./i18n/sv";
import { commands, toIpcError, type Commands } from "./ipc/commands";
import type { AppInfo } from "./ipc/generated/AppInfo";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { importView } from "./views/import";
import { insatserView } from "./views/insatser";
import { meetingsView } from "./views/meetings";
import { walksView } from "./views/walks";
import { lawView } from "./views/law";
import { importsView } from "./views/imports";
import { linksView } from "./views/links";
import { pictureView } from "./views/picture";
import { loadLookups } from "./views/lookups";
import { reportForm } from "./views/report-form";
import { registerView } from "./views/register";
import { reportDetail } from "./views/report-detail";
import { reportList } from "./views/report-list";
import { unlockView } from "./views/unlock";
import { unplacedView } from "./views/unplaced";
import { welcome } from "./views/welcome";

function header(info: AppInfo | null): HTMLElement {
  return h(
    "header",
    { class: "top" },
    h("h1", {}, t.appName),
    info ? h("span", { class: "db", title: info.dbPath }, `${t.dbLabel}: ${info.dbPath}`) : null,
  );
}

type Tab = "reports" | "picture" | "insatser" | "meetings" | "walks" | "law" | "import" | "unplaced" | "links" | "imports" | "register";

async function showMain(root: HTMLElement, api: Commands, info: AppInfo, notice?: string, tab: Tab = "reports"): Promise<void> {
  const lookups = await loadLookups(api);
  // The aside holds the new-report form, or the report opened from the list.
  const aside = h("aside", {});
  const list = reportList(api, lookups, (r) =>
    aside.replaceChildren(
      reportDetail(api, lookups, r, {
        changed: () => void list.refresh(),
        close: () => aside.replaceChildren(form),
      }),
    ),
  );
  const form = reportForm(api, lookups, () => void list.refresh());
  aside.append(form);
  // An import can add partners, and connecting a place text adds another name for a
  // place: the lists the forms choose from follow.
  const afterChange = () => {
    void list.refresh();
    void lookups.refresh();
    void unplaced.refresh();
  };
  const importer = importView(api, lookups, afterChange, (batch) => {
    show("reports");
    list.showBatch(batch);
  });
  // The unplaced tab says how many texts wait.
  const unplaced = unplacedView(api, lookups, afterChange, (n) => {
    const tab = document.getElementById("nav-unplaced");
    if (tab) tab.textContent = n > 0 ? t.navUnplacedCount(n) : t.navUnplaced;
  });
  const imports = importsView(api, afterChange);
  const insatser = insatserView(api, lookups);
  const meetings = meetingsView(api, lookups, () => void insatser.refresh());
  const walks = walksView(api, lookups, () => {
    void list.refresh();
    void insatser.refresh();
  });
  // "Ny insats" on a row of the picture opens the form with the problem filled in.
  const picture = pictureView(api, lookups, (problem) => {
    show("insatser");
    insatser.startFrom(problem);
  });
  const law = lawView(api, lookups);
  const links = linksView(api, () => undefined);
  const register = registerView(api, lookups, afterChange);
  const panes: Record<Tab, HTMLElement> = {
    reports: h("main", { class: "layout" }, list.element, aside),
    picture: h("main", { class: "single" }, picture.element),
    insatser: h("main", { class: "single" }, insatser.element),
    meetings: h("main", { class: "single" }, meetings.element),
    walks: h("main", { class: "single" }, walks.element),
    law: h("main", { class: "single" }, law.element),
    import: h("main", { class: "single" }, importer.element),
    unplaced: h("main", { class: "single" }, unplaced.element),
    links: h("main", { class: "single" }, links.element),
    imports: h("main", { class: "single" }, imports.element),
    register: h("main", { class: "single" }, register.element),
  };
  const labels: Record<Tab, string> = {
    reports: t.navReports,
    picture: t.navPicture,
    insatser: t.navInsatser,
    meetings: t.navMeetings,
    walks: t.navWalks,
    law: t.navLaw,
    import: t.navImport,
    unplaced: t.navUnplaced,
    links: t.navLinks,
    imports: t.navImports,
    register: t.navRegister,
  };
  const tabs = Object.keys(panes) as Tab[];
  const buttons = tabs.map((k, i) => {
    const b = h("button", { type: "button", id: `nav-${k}`, class: "tab", role: "tab" }, labels[k]);
    b.addEventListener("click", () => show(k));
    // Arrow keys move between the tabs, as a tab list's do (Home and End to the ends).
    b.addEventListener("keydown", (ev) => {
      const to =
        ev.key === "ArrowRight" ? (i + 1) % tabs.length
        : ev.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length
        : ev.key === "Home" ? 0
        : ev.key === "End" ? tabs.length - 1
        : null;
      if (to === null) return;
      ev.preventDefault();
      const k2 = tabs[to];
      if (!k2) return;
      show(k2);
      buttons[to]?.focus();
    });
    return b;
  });
  const container = h("div", { id: "pane" });
  const banner = notice ? h("p", { class: "notice", id: "notice" }, notice) : null;
  let shown = 0;
  // The window's title names the screen and the database file.
  const dbName = info.dbPath.split(/[\\/]/).pop() ?? info.dbPath;
  function show(k: Tab): void {
    // The first-run notice belongs to the first screen only.
    if (shown++ > 0) banner?.remove();
    const title = t.windowTitle(labels[k], dbName);
    document.title = title;
    // The window's own title bar (document.title alone stays inside the page). A
    // refusal is kept on the page for the end-to-end test to see, never shown.
    void getCurrentWindow()
      .setTitle(title)
      .then(() => delete document.body.dataset.titleError)
      .catch((e: unknown) => {
        document.body.dataset.titleError = String(e);
      });
    buttons.forEach((b) => b.setAttribute("aria-selected", String(b.id === `nav-${k}`)));
    container.replaceChildren(panes[k]);
    if (k === "reports") void list.refresh();
    if (k === "unplaced") void unplaced.refresh();
    if (k === "imports") void imports.refresh();
    if (k === "links") void links.refresh();
    if (k === "picture") void picture.refresh();
    if (k === "register") void register.refresh();
    if (k === "insatser") void insatser.refresh();
    if (k === "meetings") void meetings.refresh();
    if (k === "walks") void walks.refresh();
    if (k === "law") void law.refresh();
  }
  root.replaceChildren(
    header(info),
    h("nav", { class: "tabs", role: "tablist" }, ...buttons),
    banner ?? "",
    container,
  );
  show(tab);
  void unplaced.refresh();
  // A file dropped anywhere on the window goes to the import wizard.
  void getCurrentWebview()
    .onDragDropEvent((event) => {
      if (event.payload.type === "drop" && event.payload.paths.length > 0) {
        show("import");
        importer.setPath(event.payload.paths[0] ?? "");
      }
    })
    .catch(() => undefined);
}

async function boot(root: HTMLElement, api: Commands): Promise<void> {
  root.replaceChildren(header(null), h("p", { class: "status" }, t.loading));
  let info: AppInfo;
  try {
    info = await api.appInfo();
  } catch (e) {
    const error = toIpcError(e);
    if (error.code === "locked") {
      // An encrypted database: its passphrase first, then the app as usual.
      root.replaceChildren(header(null), unlockView(api, () => void boot(root, api)));
      return;
    }
    root.replaceChildren(
      header(null),
      h("section", { class: "fatal", role: "alert" }, h("h2", {}, t.openFailedTitle), h("p", {}, error.message)),
    );
    return;
  }
  if (info.reports === 0 && info.places === 0) {
    root.replaceChildren(
      header(info),
      welcome(api, (notice) => {
        // An empty start begins where an empty database needs it: the register.
        void api.appInfo().then((fresh) => showMain(root, api, fresh, notice ?? t.setupNotice, notice ? "reports" : "register"));
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
