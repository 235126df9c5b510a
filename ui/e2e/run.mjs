// End-to-end test of the real Navet binary: tauri-driver starts the app on a
// fresh temporary database under a real WebKitGTK window (Xvfb in CI), and this
// script uses it as a coordinator would. First on an empty database, with no
// terminal: set up the municipality, an area, a place and a partner, import a
// partner's file with short dates and find every row, see a first picture. Then,
// on a second empty database: load the demo, add a report through the form, find
// it in the list, filter, import, connect, picture, pairs; screenshots for review.
//
// Usage: node e2e/run.mjs [path/to/navet-app]  (env: NAVET_E2E_OUT for screenshots)

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = resolve(process.argv[2] ?? join(root, "target/debug/navet-app"));
const cli = join(root, "target/debug/navet");
const out = resolve(process.env.NAVET_E2E_OUT ?? join(root, "artifacts/e2e"));
mkdirSync(out, { recursive: true });
const dbDir = mkdtempSync(join(tmpdir(), "navet-e2e-"));
const firstDb = join(dbDir, "forsta.sqlite");
const db = join(dbDir, "navet.sqlite");

if (!existsSync(app)) {
  console.error(`e2e: app binary not found: ${app}`);
  process.exit(1);
}

function waitPort(p, timeout = 15000) {
  const until = Date.now() + timeout;
  return new Promise((ok, fail) => {
    const attempt = () => {
      const s = net.connect(p, "127.0.0.1");
      s.once("connect", () => {
        s.end();
        ok();
      });
      s.once("error", () => {
        s.destroy();
        if (Date.now() > until) fail(new Error(`tauri-driver did not listen on ${p}`));
        else setTimeout(attempt, 150);
      });
    };
    attempt();
  });
}

const driverBin = process.env.TAURI_DRIVER ?? "tauri-driver";
let driver = null;
let wd = null;

/**
 * Starts tauri-driver and the app on `dbPath`, in the size asked for. A start whose
 * driver cannot reach its WebKitWebDriver (seen once when the app was restarted
 * mid-run: "Connection refused" on the native port) is tried again on new ports, at
 * most three times; nothing the app does is retried.
 */
async function openApp(dbPath) {
  for (let attempt = 1; ; attempt++) {
    try {
      await startApp(dbPath);
      return;
    } catch (e) {
      await closeApp().catch(() => {});
      if (attempt >= 3) throw e;
      console.log(`   the driver did not start (${e.message}); again on new ports`);
    }
  }
}

async function startApp(dbPath) {
  const port = 4444 + Math.floor(Math.random() * 1000);
  // Exports go to the artifacts folder instead of a native save dialog.
  driver = spawn(driverBin, ["--port", String(port), "--native-port", String(port + 1000)], {
    env: { ...process.env, NAVET_DB: dbPath, NAVET_EXPORT_DIR: out },
    stdio: ["ignore", "inherit", "inherit"],
  });
  wd = new WebDriver(`http://127.0.0.1:${port}`);
  await waitPort(port);
  await wd.start(app);
  // NAVET_E2E_SIZE=800x560 runs every step in the smallest window the app allows.
  if (process.env.NAVET_E2E_SIZE) {
    const [w, h] = process.env.NAVET_E2E_SIZE.split("x").map(Number);
    await wd.setSize(w, h);
  }
}

async function closeApp() {
  if (wd) await wd.stop();
  if (driver) {
    const exited = new Promise((r) => driver.once("exit", r));
    driver.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  }
  wd = null;
  driver = null;
}
let passed = 0;
let failed = 0;

async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}: ${e.message}`);
    await shot(`failed-${passed + failed}`).catch(() => {});
    throw e;
  }
}

async function shot(name) {
  const png = await wd.screenshot();
  const file = join(out, `${name}.png`);
  writeFileSync(file, Buffer.from(png, "base64"));
  console.log(`   screenshot: ${file}`);
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

async function selectOption(selectCss, value) {
  const opt = await wd.find(`${selectCss} option[value="${value}"]`);
  await wd.click(opt);
  const chosen = await wd.property(await wd.find(selectCss), "value");
  assert(chosen === value, `${selectCss} is ${chosen}, wanted ${value}`);
}

const TEXT = "E2E: nytt klotter på scenen, åäö";

/** Clicks the `n`th element matching `css`, again if a redraw replaced it meanwhile. */
async function clickRetry(css, n = 0) {
  for (let i = 0; ; i++) {
    try {
      const all = await wd.findAll(css);
      if (!all[n]) throw new Error(`no ${css} [${n}]`);
      await wd.click(all[n]);
      return;
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Fails when a select or button cuts its own text (its content is wider or taller than its box). */
async function noClippedControls(where) {
  const clipped = await wd.execute(`
    return [...document.querySelectorAll("select, button, input[type=text], input:not([type])")]
      .filter((e) => e.offsetParent !== null)
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map((e) => (e.id || e.className || e.tagName) + ": " + (e.value || e.textContent || "").slice(0, 40));
  `);
  assert(clipped.length === 0, `${where}: clipped controls: ${clipped.join("; ")}`);
}

/** Fails when anything reaches past the window's right edge. */
async function nothingPastTheEdge(where) {
  const wide = await wd.execute(`return document.documentElement.scrollWidth > window.innerWidth + 1;`);
  assert(!wide, `${where}: the page is wider than the window`);
}

const SHORT_DATES = join(root, "tests/fixtures/e2e/fritidsgarden-kortdatum.csv");

try {
  await openApp(firstDb);

  await step("an empty start leads to Grunddata, where the municipality, an area, a place and a partner are added", async () => {
    await wd.waitFor("#welcome");
    await wd.click(await wd.find("#start-empty"));
    await wd.waitFor("#register");
    await wd.waitFor("#notice", { pred: (t) => t.includes("kommunens namn") });
    const municipality = await wd.find("#register-municipality");
    await wd.type(municipality, "Testby kommun\uE007");
    await wd.waitFor("#register-municipality-message", { pred: (t) => t.includes("Testby kommun") });
    await wd.type(await wd.find("#register-area-add-name"), "Centrum\uE007");
    await wd.waitFor('#register-area-rows tr[data-name="Centrum"]');
    await wd.type(await wd.find("#register-place-add-name"), "Torget");
    await selectOption("#register-place-add-area", "Centrum");
    await wd.click(await wd.find("#register-place-add button[type=submit]"));
    await wd.waitFor('#register-place-rows tr[data-name="Torget"]');
    await wd.type(await wd.find("#register-partner-add-name"), "Fritidsgården\uE007");
    await wd.waitFor('#register-partner-rows tr[data-name="Fritidsgården"]');
    // Expected every week; "inga händelser" for last week is a zero, not a silence.
    // (The list redraws after the choice, so the option is clicked without reading back.)
    await wd.click(await wd.find('#register-partner-rhythm-0 option[value="7"]'));
    await wd.waitFor("#register-partner-message", { pred: (t) => t.includes("Rytmen") });
    await clickRetry("#register-partner-nothing-0");
    await wd.waitFor("#register-partner-message", { pred: (t) => t.includes("inga händelser") });
    const text = await wd.text(await wd.find("#register"));
    assert(!/navet |--[a-z]/.test(text), `the register mentions the command line: ${text}`);
    await noClippedControls("Grunddata");
    await nothingPastTheEdge("Grunddata");
    await shot("00-register");
  });

  await step("a partner file with short dates is imported without a row lost, and every row is in the register", async () => {
    await wd.click(await wd.find("#nav-import"));
    await selectOption("#import-partner", "Fritidsgården");
    const path = await wd.waitFor("#import-path");
    await wd.type(path, SHORT_DATES + "\uE007");
    await wd.waitFor("#import-counts", { pred: (t) => t.includes("5 nya") });
    const note = await wd.text(await wd.find("#import-year-note"));
    assert(note.includes("3 datum saknade år"), note);
    await noClippedControls("import preview");
    await nothingPastTheEdge("import preview");
    await shot("00-import-short-dates");
    await wd.click(await wd.find("#import-run"));
    await wd.waitFor("#import-done", { pred: (t) => t.includes("5 rapporter importerades") });
    // The result leads to the imported rows in the register.
    await wd.click(await wd.find("#import-show-rows"));
    await wd.waitFor("#filter-batch", { pred: (t) => t.startsWith("Import nr") });
    await wd.waitFor("#report-count", { pred: (t) => t.startsWith("5 rapporter") });
    const rows = await wd.text(await wd.find("#report-rows"));
    for (const part of ["2026-11-03", "2026-11-05", "21:30", "Stökigt vid kiosken", "Skräp efter helgen"]) {
      assert(rows.includes(part), `the register lacks ${part}: ${rows}`);
    }
  });

  await step("a first picture of the imported week", async () => {
    await wd.click(await wd.find("#nav-picture"));
    await wd.waitFor("#picture-label", { pred: (t) => t.startsWith("Lägesbild") });
    // The day field as a typed, committed value (WebKitWebDriver's Ctrl+A does not
    // select inside the field).
    await wd.execute(`const e = document.getElementById("picture-from"); e.value = "2026-11-04"; e.dispatchEvent(new Event("change"));`);
    await wd.waitFor("#picture-label", { pred: (t) => t === "Lägesbild vecka 45 2026" });
    await wd.waitFor("#picture-summary", { pred: (t) => t.startsWith("5 händelser i 5 rapporter") });
    await noClippedControls("picture");
    await shot("00-first-picture");
  });

  await closeApp();
  await openApp(db);

  await step("first run offers demo data on an empty database", async () => {
    const header = await wd.waitFor("header.top .db");
    const shown = await wd.attribute(header, "title");
    assert(shown === db, `header shows the database path: ${shown}`);
    await wd.waitFor("#welcome");
    await shot("01-welcome");
    await wd.click(await wd.find("#load-demo"));
    await wd.waitFor("#notice", { pred: (t) => /demorapporter har lästs in/.test(t) });
    await wd.waitFor("#report-count", { pred: (t) => /rapporter/.test(t) });
  });

  await step("the form shows field errors in Swedish and saves nothing", async () => {
    await wd.click(await wd.find("#new-save"));
    const err = await wd.waitFor("#new-category-error", { pred: (t) => t.length > 0 });
    assert((await wd.text(err)) === "Kategori: fältet måste fyllas i.", "category error");
    const partnerErr = await wd.text(await wd.find("#new-partner-error"));
    assert(partnerErr === "Aktör: fältet måste fyllas i.", `partner error: ${partnerErr}`);
  });

  let totalBefore = "";
  await step("a report added through the form appears first in the list", async () => {
    totalBefore = await wd.text(await wd.find("#report-count"));
    await wd.type(await wd.find("#new-time"), "21.30");
    await selectOption("#new-place", "Stortorget");
    await selectOption("#new-category", "Klotter");
    await selectOption("#new-partner", "Polisen");
    const count = await wd.find("#new-count");
    await wd.clear(count);
    await wd.type(count, "2");
    await wd.type(await wd.find("#new-text"), TEXT);
    await wd.click(await wd.find("#new-save"));
    await wd.waitFor("#new-message", { pred: (t) => t.includes("har sparats") });
    const first = await wd.waitFor("#report-rows tr:first-child", { pred: (t) => t.includes(TEXT) });
    const row = await wd.text(first);
    for (const part of ["21:30", "Stortorget", "Centrum", "Klotter", "Polisen", "2"]) {
      assert(row.includes(part), `first row lacks ${part}: ${row}`);
    }
    const totalAfter = await wd.text(await wd.find("#report-count"));
    assert(totalAfter !== totalBefore, `count line did not change: ${totalAfter}`);
    await shot("02-reports");
  });

  await step("the report is in the database file", async () => {
    const json = execFileSync(cli, ["--db", db, "report", "list", "--json", "--limit", "1"], { encoding: "utf8" });
    const [r] = JSON.parse(json);
    assert(r && r.text === TEXT, `newest report in the database: ${json.slice(0, 300)}`);
    assert(r.place === "Stortorget" && r.category === "Klotter" && r.count === 2 && r.occurredTime === "21:30", json);
  });

  await step("the register finds a report by a word, pages, and a report is corrected, deleted and brought back", async () => {
    const search = await wd.find("#filter-search");
    await wd.type(search, "scenen");
    await wd.waitFor("#report-count", { pred: (t) => t === "1 rapport" });
    await wd.waitFor("#report-rows tr:first-child", { pred: (t) => t.includes(TEXT) });
    await wd.click(await wd.find("#report-rows tr:first-child td.text"));
    await wd.waitFor("#edit-form");
    const count = await wd.find("#edit-count");
    await wd.clear(count);
    await wd.type(count, "3");
    await wd.click(await wd.find("#edit-save"));
    await wd.waitFor("#edit-message", { pred: (t) => t.includes("sparade") });
    await wd.waitFor("#edit-history", { pred: (t) => t.includes("ändrad") && t.includes("Antal: 2 → 3") });
    await shot("02b-report-edited");
    await noClippedControls("report editor");
    await nothingPastTheEdge("report editor");
    await wd.click(await wd.find("#edit-delete"));
    await wd.waitFor("#edit-message", { pred: (t) => t.includes("Klicka igen") });
    await wd.click(await wd.find("#edit-delete"));
    await wd.waitFor("#edit-message", { pred: (t) => t.includes("borttagen") });
    await wd.waitFor("#report-count", { pred: (t) => t === "Inga rapporter matchar filtret." });
    await wd.click(await wd.find("#edit-restore"));
    await wd.waitFor("#edit-history", { pred: (t) => t.includes("tillbakatagen") });
    await wd.waitFor("#report-count", { pred: (t) => t === "1 rapport" });
    await wd.click(await wd.find("#edit-close"));
    await wd.waitFor("#report-form");
    await wd.click(await wd.find("#filter-clear"));
    // The demo's thousands read with a space: "Visar 1–100 av 1 234 rapporter".
    await wd.waitFor("#report-count", { pred: (t) => /^Visar 1–100 av \d\u202F\d{3} rapporter$/.test(t) });
    await wd.click(await wd.find("#page-next"));
    await wd.waitFor("#report-count", { pred: (t) => t.startsWith("Visar 101–200 av ") });
    await wd.click(await wd.find("#filter-clear"));
  });

  await step("filtering by category and place narrows the list", async () => {
    await selectOption("#filter-category", "Klotter");
    await selectOption("#filter-place", "Stortorget");
    await wd.waitFor("#report-rows tr:first-child", { pred: (t) => t.includes(TEXT) });
    const rows = await wd.findAll("#report-rows tr");
    assert(rows.length >= 1, "at least the new report");
    for (const id of rows.slice(0, 20)) {
      const t = await wd.text(id);
      assert(t.includes("Klotter") && t.includes("Stortorget"), `row outside the filter: ${t}`);
    }
    await shot("03-filtered");
    await wd.click(await wd.find("#filter-clear"));
    await wd.waitFor("#report-count", { pred: (t) => t.includes("Visar") });
  });

  const fixture = join(root, "tests/fixtures/e2e/kollektivtrafiken-v47.xlsx");
  await step("an XLSX from a partner is previewed with its problems, then imported", async () => {
    await wd.click(await wd.find("#nav-import"));
    const path = await wd.waitFor("#import-path");
    await wd.type(path, fixture);
    await selectOption("#import-partner", "Kollektivtrafiken");
    await wd.click(await wd.find("#import-preview"));
    const counts = await wd.waitFor("#import-counts", { pred: (t) => t.includes("3 nya") });
    assert((await wd.text(counts)).includes("1 hoppas över"), "the totals row is skipped");
    const detected = await wd.text(await wd.find("#import-detected"));
    assert(detected.includes("XLSX") && detected.includes("Vecka 47") && detected.includes("rad 3"), detected);
    const issues = await wd.text(await wd.find("#import-issues"));
    assert(issues.includes("summerings"), `problems list: ${issues}`);
    const unplaced = await wd.text(await wd.find("#import-unplaced"));
    assert(unplaced.includes("Busskuren vid Ekbacksskolan"), unplaced);
    await shot("04-import-preview");
    await wd.click(await wd.find("#import-run"));
    await wd.waitFor("#import-done", { pred: (t) => t.includes("3 rapporter importerades") });
    await shot("05-import-done");
  });

  await step("an unplaced place is connected to a place, and the report follows", async () => {
    await wd.click(await wd.find("#nav-unplaced"));
    const row = 'tr[data-text="Busskuren vid Ekbacksskolan"]';
    await wd.waitFor(row);
    await selectOption(`${row} select`, "Norrbyskolan");
    await wd.click(await wd.find(`${row} button`));
    await wd.waitFor("#unplaced-message", { pred: (t) => t.includes("1 rapport fick platsen") });
    await shot("06-unplaced-resolved");
    await wd.click(await wd.find("#nav-reports"));
    await selectOption("#filter-place", "Norrbyskolan");
    await wd.waitFor("#report-rows tr:first-child", { pred: (t) => t.includes("Nytt klotter på busskuren") });
    const json = execFileSync(cli, ["--db", db, "report", "list", "--json", "--place", "Norrbyskolan", "--from", "2026-11-20", "--to", "2026-11-20"], { encoding: "utf8" });
    const found = JSON.parse(json).find((r) => r.text === "Nytt klotter på busskuren");
    assert(found && found.partner === "Kollektivtrafiken" && found.occurredAt === "2026-11-20T16:30" && found.sourcePlace === "Busskuren vid Ekbacksskolan", json);
  });

  await step("the situation picture: a status is set and the exported PDF reads back", async () => {
    await wd.click(await wd.find("#nav-picture"));
    const label = await wd.waitFor("#picture-label", { pred: (t) => t.startsWith("Lägesbild vecka ") });
    const title = await wd.text(label);
    const summary = await wd.text(await wd.waitFor("#picture-summary"));
    assert(/\d+ händelser i \d+ rapporter/.test(summary), summary);
    const card = 'section.area-card[data-area="Norrby"]';
    await wd.waitFor(card);
    await selectOption(`${card} select.area-status`, "röd");
    const why = "Fler bränder och mer skadegörelse kring Norrby centrum än vanligt.";
    const input = await wd.find(`${card} input.area-justification`);
    await wd.clear(input);
    await wd.type(input, why);
    await wd.click(await wd.find(`${card} button.area-save`));
    await wd.waitFor("#picture-message", { pred: (t) => t.includes("Statusen för Norrby är sparad") });
    await wd.waitFor('section.area-card.status-röd[data-area="Norrby"]');
    await shot("07-picture");
    await wd.click(await wd.find("#picture-export-pdf"));
    const msg = await wd.waitFor("#picture-message", { pred: (t) => t.startsWith("Sparad: ") });
    const pdf = (await wd.text(msg)).replace("Sparad: ", "").trim();
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const part of [title, "Status per område", "Norrby", "röd", why, "Källor och metod", "Sida 1 av"]) {
      assert(text.includes(part), `the PDF lacks ${part}`);
    }
    execFileSync("qpdf", ["--check", pdf], { encoding: "utf8" });
    execFileSync("pdftoppm", ["-r", "70", "-png", "-f", "1", "-l", "1", pdf, join(out, "08-lagesbild-page")]);
    console.log(`   pdf: ${pdf}`);
  });

  await step("analysis text typed is kept when the period changes; the trend is on screen; arrow keys move between tabs", async () => {
    await wd.waitFor("#picture-trend");
    const words = "E2E-analys: mer stök vid Norrby centrum sena kvällar.";
    await wd.type(await wd.find("#analysis-analys"), words);
    // No save click: the next period at once, then back.
    await wd.click(await wd.find("#picture-prev"));
    await wd.waitFor("#picture-label", { pred: (t) => t.startsWith("Lägesbild vecka ") });
    await wd.click(await wd.find("#picture-next"));
    await wd.waitFor("#analysis-analys");
    let kept = "";
    for (let i = 0; i < 50 && kept !== words; i++) {
      // The picture redraws as it loads: a field found just before may be replaced.
      kept = await wd
        .property(await wd.find("#analysis-analys"), "value")
        .catch(() => "");
      if (kept !== words) await new Promise((r) => setTimeout(r, 100));
    }
    assert(kept === words, `the analysis text after a period change: ${kept}`);
    const title = await wd.execute("return document.title;");
    assert(title.startsWith("Lägesbild – Navet – "), `window title: ${title}`);
    // The window's own title bar took it too (the capability allows set-title).
    await new Promise((r) => setTimeout(r, 200));
    const refused = await wd.execute("return document.body.dataset.titleError || '';");
    assert(refused === "", `the window title was refused: ${refused}`);
    await wd.type(await wd.find("#nav-picture"), "\uE014"); // ArrowRight
    await wd.waitFor("#insatser");
    await wd.type(await wd.find("#nav-insatser"), "\uE012"); // ArrowLeft
    await wd.waitFor("#picture");
    await noClippedControls("picture");
    await nothingPastTheEdge("picture");
  });

  await step("an insats starts from a row of the picture, shows its counts, and is followed up", async () => {
    await wd.click(await wd.find("#nav-picture"));
    const button = await wd.waitFor('section.area-card[data-area="Norrby"] button.row-action');
    const category = await wd.attribute(button, "data-category");
    await wd.click(button);
    await wd.waitFor("#insatser");
    const chosenArea = await wd.property(await wd.find("#insats-area"), "value");
    const chosenCategory = await wd.property(await wd.find("#insats-category"), "value");
    assert(chosenArea === "Norrby" && chosenCategory === category, `prefilled: ${chosenArea} ${chosenCategory}`);
    const decided = await wd.property(await wd.find("#insats-decided-in"), "value");
    assert(decided.startsWith("Lägesbild vecka "), decided);
    await selectOption("#insats-partner", "Polisen");
    // Followed up the day it starts (today): due at once.
    const startDay = await wd.property(await wd.find("#insats-start"), "value");
    await wd.type(await wd.find("#insats-follow-up"), startDay);
    await wd.click(await wd.find("#insats-save"));
    await wd.waitFor("#insats-message", { pred: (t) => t.includes("är sparad") });
    // The new insats's card, titled after its problem (the demo has insatser of its own).
    const card = await wd.waitFor("section.insats-card", { pred: (t) => t.startsWith(`${category} i Norrby`) && t.includes("veckor före starten") });
    const text = await wd.text(card);
    assert(text.includes("uppföljning att göra") && text.includes("Norrby"), text);
    const id = await wd.attribute(card, "data-insats");
    await selectOption(`#follow-up-effect-${id}`, "viss förbättring");
    await wd.type(await wd.find(`#follow-up-text-${id}`), "Färre larm kvällstid\uE007");
    await wd.waitFor("#insats-message", { pred: (t) => t.includes("Uppföljningen") });
    await wd.waitFor(`section.insats-card[data-insats="${id}"]`, { pred: (t) => t.includes("viss förbättring") });
    // Changed after the fact: a new title; the follow-up stays with it.
    await clickRetry(`#insats-edit-${id}`);
    await wd.waitFor("#insats-form-title", { pred: (t) => t.startsWith("Ändra insatsen") });
    const retitle = await wd.find("#insats-title");
    await wd.clear(retitle);
    await wd.type(retitle, "Trygghetsvärdar i Norrby");
    await wd.click(await wd.find("#insats-save"));
    await wd.waitFor("#insats-message", { pred: (t) => t.includes("är ändrad") });
    await wd.waitFor(`section.insats-card[data-insats="${id}"]`, { pred: (t) => t.includes("Trygghetsvärdar i Norrby") && t.includes("viss förbättring") });
    await noClippedControls("insatser");
    await nothingPastTheEdge("insatser");
    await shot("10-insatser");
  });

  await step("a meeting is recorded, a decision makes an insats, and the meeting pack reads back", async () => {
    await wd.click(await wd.find("#nav-meetings"));
    await wd.waitFor("#meeting-next", { pred: (t) => t.includes("Operativ grupp") });
    await wd.waitFor("#year-wheel table", { pred: (t) => t.includes("Skadegörelse") });
    await wd.waitFor("#meeting-late");
    const date = await wd.find("#meeting-date");
    await wd.clear(date);
    await wd.type(date, "2026-11-30");
    await wd.type(await wd.find("#meeting-agenda"), "Lägesbilden sedan sist");
    await wd.click(await wd.find("#meeting-save"));
    await wd.waitFor("#meeting-message", { pred: (t) => t.includes("är antecknat") });
    // The new meeting's card (the demo has meetings of its own).
    const card = await wd.waitFor("section.insats-card[data-meeting]", { pred: (t) => t.includes("Operativ grupp 2026-11-30") });
    const id = await wd.attribute(card, "data-meeting");
    await wd.type(await wd.find(`#decision-text-${id}`), "Extra väktare vid Resecentrum");
    await selectOption(`#decision-kind-${id}`, "create");
    await clickRetry(`#decision-form-${id} button`);
    await wd.waitFor("#meeting-message", { pred: (t) => t.includes("Beslutet") });
    // The pack is for the operative group and Polisen: its cover says so.
    await clickRetry('#meeting-pack-to-boxes input[value="Polisen"]');
    await clickRetry('#meeting-pack-to-boxes input[value="Operativ grupp"]');
    await clickRetry(`#meeting-pack-${id}`);
    const msg = await wd.waitFor("#meeting-message", { pred: (t) => t.startsWith("Sparad: ") });
    const pdf = (await wd.text(msg)).replace("Sparad: ", "").trim();
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const part of ["Mötesunderlag: Operativ grupp", "2026-11-30", "Till: Operativ grupp, Polisen", "Lägesbilden sedan sist", "Extra väktare vid Resecentrum", "Nästa möte i serien: 2026-12-14."]) {
      assert(text.includes(part), `the pack lacks ${part}`);
    }
    // The strategic group's meeting and its pack: six months per area, the year before.
    await selectOption("#meeting-series", "Strategisk grupp");
    const sdate = await wd.find("#meeting-date");
    await wd.clear(sdate);
    await wd.type(sdate, "2026-12-01");
    await wd.click(await wd.find("#meeting-save"));
    await wd.waitFor("#meeting-message", { pred: (t) => t.includes("Strategisk grupp 2026-12-01") });
    const scard = await wd.waitFor("section.insats-card[data-meeting]", { pred: (t) => t.includes("Strategisk grupp 2026-12-01") });
    const sid = await wd.attribute(scard, "data-meeting");
    await clickRetry(`#meeting-pack-${sid}`);
    const smsg = await wd.waitFor("#meeting-message", { pred: (t) => t.startsWith("Sparad: ") && t.includes("strategisk") });
    const spdf = (await wd.text(smsg)).replace("Sparad: ", "").trim();
    const stext = execFileSync("pdftotext", ["-layout", spdf, "-"], { encoding: "utf8" });
    for (const part of ["Mötesunderlag: Strategisk grupp 2026-12-01", "Utvecklingen per område, sex månader"]) {
      assert(stext.includes(part), `the strategic pack lacks ${part}`);
    }
    await noClippedControls("meetings");
    await shot("11-meetings");
  });

  await step("a safety walk: a point becomes a report and an insats, and the protocol says so; a citizen promise is published", async () => {
    await wd.click(await wd.find("#nav-walks"));
    await wd.waitFor("#walk-form");
    await selectOption("#walk-area", "Norrby");
    await wd.type(await wd.find("#walk-route"), "Centrum till skolan");
    await wd.click(await wd.find("#walk-save"));
    // The new walk's card (the demo has one of its own).
    const card = await wd.waitFor("section[data-walk]", { pred: (t) => t.includes("Centrum till skolan") });
    const id = await wd.attribute(card, "data-walk");
    await wd.type(await wd.find(`#point-place-${id}`), "Norrby centrum");
    await wd.type(await wd.find(`#point-problem-${id}`), "Trasig belysning vid entrén");
    await selectOption(`#point-category-${id}`, "Brister i fysisk miljö");
    await wd.click(await wd.find(`#point-form-${id} button[type=submit]`));
    await wd.waitFor("#walk-message", { pred: (t) => t.includes("Punkten") });
    await wd.waitFor(`section[data-walk="${id}"] button.row-action`);
    await clickRetry(`section[data-walk="${id}"] button.row-action`, 0);
    await wd.waitFor("#walk-message", { pred: (t) => t.includes("Rapport nr") });
    await clickRetry(`section[data-walk="${id}"] button.row-action`, 1);
    await wd.waitFor("#walk-message", { pred: (t) => t.includes("Insats nr") });
    await clickRetry(`#walk-protocol-${id}`);
    const msg = await wd.waitFor("#walk-message", { pred: (t) => t.startsWith("Sparad: ") });
    const pdf = (await wd.text(msg)).replace("Sparad: ", "").trim();
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const part of ["Trygghetsvandring Norrby", "Trasig belysning", "rapport nr", "insats:"]) {
      assert(text.includes(part), `the protocol lacks ${part}`);
    }
    await wd.type(await wd.find("#promise-title"), "Tryggare Norrby centrum");
    await wd.type(await wd.find("#promise-parties"), "Ekbacka kommun, Polisen");
    await wd.click(await wd.find("#promise-save"));
    const today = new Date().toISOString().slice(0, 10);
    const promise = await wd.waitFor("section[data-promise]", { pred: (t) => t.includes(`(${today}`) });
    const pid = await wd.attribute(promise, "data-promise");
    await clickRetry(`#promise-pdf-${pid}`);
    const pmsg = await wd.waitFor("#walk-message", { pred: (t) => t.startsWith("Sparad: ") && t.includes("medborgarl") });
    const ppdf = (await wd.text(pmsg)).replace("Sparad: ", "").trim();
    const ptext = execFileSync("pdftotext", ["-layout", ppdf, "-"], { encoding: "utf8" });
    assert(ptext.includes("Medborgarlöfte: Tryggare Norrby centrum"), ptext);
    await noClippedControls("walks");
    await shot("12-walks");
  });

  await step("the law's lägesbild: a knowledge source and the coordinator's texts, for named readers, read back in the law's parts", async () => {
    await wd.click(await wd.find("#nav-law"));
    await wd.waitFor("#law-to-boxes", { pred: (t) => t.includes("Polisen") });
    await wd.type(await wd.find("#source-title"), "Trygghetsmätning 2026");
    await wd.type(await wd.find("#source-from"), "SCB");
    await wd.type(await wd.find("#source-date"), "2026-05-12");
    await wd.type(await wd.find("#source-figure-label"), "Känner sig otrygga på kvällen");
    await wd.type(await wd.find("#source-figure"), "31 %");
    await wd.click(await wd.find("#source-save"));
    await wd.waitFor("#source-list", { pred: (t) => t.includes("Trygghetsmätning 2026") });
    await wd.type(await wd.find("#law-causes"), "Få vuxna i rörelse på kvällen.");
    await wd.click(await wd.find("#law-texts-save"));
    await wd.waitFor("#law-message", { pred: (t) => t.includes("sparade") });
    await clickRetry('#law-to-boxes input[value="Strategisk grupp"]');
    await clickRetry("#law-picture");
    const msg = await wd.waitFor("#law-message", { pred: (t) => t.startsWith("Sparad: ") });
    const pdf = (await wd.text(msg)).replace("Sparad: ", "").trim();
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    for (const part of ["Lägesbild enligt lag (2023:196)", "Till: Strategisk grupp", "1. Kartläggning", "2. Annan information", "Känner sig otrygga på kvällen: 31 %", "3. Analys av orsaker", "Få vuxna i rörelse på kvällen."]) {
      assert(text.includes(part), `the law's lägesbild lacks ${part}`);
    }
    await clickRetry("#law-plan");
    await wd.waitFor("#law-message", { pred: (t) => t.startsWith("Sparad: ") && t.includes("tgärdsplan") });
    await noClippedControls("law");
    await nothingPastTheEdge("law");
    await shot("13-law");
  });

  await step("pairs of reports about one incident are proposed, and a decision takes one off the list", async () => {
    await wd.click(await wd.find("#nav-links"));
    await wd.click(await wd.find("#links-suggest"));
    const said = await wd.waitFor("#links-message", { pred: (t) => t.includes("nya förslag") });
    const n = Number((await wd.text(said)).split(" ")[0]);
    assert(n > 0, `the demo has two partners at one incident: ${await wd.text(said)}`);
    const rows = async () => (await wd.findAll("#links-rows tr")).length;
    const before = await rows();
    assert(before === n, `${before} rows for ${n} proposals`);
    await shot("09-links");
    await wd.click(await wd.find("#link-confirm-0"));
    await wd.waitFor("#links-message", { pred: (t) => t.includes("räknas nu som en händelse") });
    // The rows reload after the message; wait for them.
    let after = await rows();
    for (let i = 0; i < 50 && after !== before - 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await rows();
    }
    assert(after === before - 1, `${after} rows after a decision (was ${before})`);
  });

  await step("backups: the app made a daily one at start; one taken by hand is restored, and what came after it is gone", async () => {
    await wd.click(await wd.find("#nav-register"));
    await wd.waitFor("#backup-list", { pred: (t) => t.includes("daglig") });
    await wd.click(await wd.find("#backup-create"));
    await wd.waitFor("#backup-message", { pred: (t) => t.includes("Säkerhetskopian är sparad") });
    await wd.waitFor("#backup-list", { pred: (t) => t.includes("tagen för hand") });
    // An area added after the backup is not in the restored database.
    await wd.type(await wd.find("#register-area-add-name"), "Efter kopian\uE007");
    await wd.waitFor('#register-area-rows tr[data-name="Efter kopian"]');
    await noClippedControls("backups");
    await shot("14-backups");
    await clickRetry("#backup-restore-0");
    await wd.waitFor("#backup-message", { pred: (t) => t.includes("Det som ändrats sedan dess") });
    await clickRetry("#backup-restore-0");
    // The window reloads on the restored database and opens on the reports.
    await wd.waitFor('#nav-reports[aria-selected="true"]');
    await clickRetry("#nav-register");
    await wd.waitFor("#backup-list", { pred: (t) => t.includes("före en återställning") });
    const areas = await wd.text(await wd.find("#register-area-rows"));
    assert(!areas.includes("Efter kopian"), `the restored database has the later area: ${areas}`);
  });

  await step("encryption: turned on in Grunddata, the file is unreadable; at the next start a wrong passphrase is refused and the right one opens every report", async () => {
    const before = execFileSync(cli, ["--db", db, "report", "list", "--json", "--limit", "1000000"], { encoding: "utf8" });
    await wd.waitFor("#encryption-state", { pred: (t) => t.includes("inte krypterad") });
    const phrase = "Navets e2e-fras vid torget";
    await wd.type(await wd.find("#encryption-new"), "för kort");
    await wd.type(await wd.find("#encryption-repeat"), "för kort\uE007");
    await wd.waitFor("#encryption-message", { pred: (t) => t.includes("minst 12 tecken") });
    await wd.clear(await wd.find("#encryption-new"));
    await wd.clear(await wd.find("#encryption-repeat"));
    await wd.type(await wd.find("#encryption-new"), phrase);
    await wd.type(await wd.find("#encryption-repeat"), phrase);
    await noClippedControls("encryption");
    await clickRetry("#encryption-set");
    await wd.waitFor("#encryption-message", { pred: (t) => t.includes("krypterad med den nya lösenfrasen") });
    await wd.waitFor("#encryption-state", { pred: (t) => t.includes("är krypterade") });
    // The app goes on under the new key: a backup now is made and listed.
    await clickRetry("#backup-create");
    await wd.waitFor("#backup-message", { pred: (t) => t.includes("Säkerhetskopian är sparad") });
    await shot("15-encryption");
    const head = readFileSync(db).subarray(0, 16).toString("latin1");
    assert(!head.startsWith("SQLite format 3"), "the database file is still plain SQLite");
    for (const f of readdirSync(dbDir).filter((n) => n.startsWith("navet.sqlite.") && n.endsWith(".bak"))) {
      const b = readFileSync(join(dbDir, f)).subarray(0, 16).toString("latin1");
      assert(!b.startsWith("SQLite format 3"), `backup ${f} is still plain SQLite`);
    }

    await closeApp();
    await openApp(db);
    const input = await wd.waitFor("#unlock-passphrase");
    await noClippedControls("unlock");
    await shot("16-unlock");
    await wd.type(input, "fel fras\uE007");
    await wd.waitFor("#unlock-message", { pred: (t) => t.includes("Lösenfrasen öppnar inte") });
    await wd.clear(await wd.find("#unlock-passphrase"));
    await wd.type(await wd.find("#unlock-passphrase"), `${phrase}\uE007`);
    await wd.waitFor("#report-count", { pred: (t) => /rapporter/.test(t) });
    const after = execFileSync(cli, ["--db", db, "report", "list", "--json", "--limit", "1000000"], {
      encoding: "utf8",
      env: { ...process.env, NAVET_PASSPHRASE: phrase },
    });
    assert(after === before, "the encrypted database lists other reports than before");
  });
} catch (e) {
  if (failed === 0) {
    failed++;
    console.log(`not ok - setup: ${e.message}`);
  }
} finally {
  await closeApp();
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
