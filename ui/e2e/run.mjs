// End-to-end test of the real Navet binary: tauri-driver starts the app on a
// fresh temporary database under a real WebKitGTK window (Xvfb in CI), and this
// script uses it as a coordinator would: load the demo, add a report through
// the form, find it in the list, filter, and save screenshots for review.
//
// Usage: node e2e/run.mjs [path/to/navet-app]  (env: NAVET_E2E_OUT for screenshots)

import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { WebDriver } from "./webdriver.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const app = resolve(process.argv[2] ?? join(root, "target/debug/navet-app"));
const cli = join(root, "target/debug/navet");
const out = resolve(process.env.NAVET_E2E_OUT ?? join(root, "artifacts/e2e"));
const port = 4444 + Math.floor(Math.random() * 1000);
mkdirSync(out, { recursive: true });
const dbDir = mkdtempSync(join(tmpdir(), "navet-e2e-"));
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
// Exports go to the artifacts folder instead of a native save dialog.
const driver = spawn(driverBin, ["--port", String(port), "--native-port", String(port + 1000)], {
  env: { ...process.env, NAVET_DB: db, NAVET_EXPORT_DIR: out },
  stdio: ["ignore", "inherit", "inherit"],
});

const wd = new WebDriver(`http://127.0.0.1:${port}`);
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

try {
  await waitPort(port);
  await wd.start(app);
  // NAVET_E2E_SIZE=800x560 runs every step in the smallest window the app allows.
  if (process.env.NAVET_E2E_SIZE) {
    const [w, h] = process.env.NAVET_E2E_SIZE.split("x").map(Number);
    await wd.setSize(w, h);
  }

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
} catch (e) {
  if (failed === 0) {
    failed++;
    console.log(`not ok - setup: ${e.message}`);
  }
} finally {
  await wd.stop();
  driver.kill("SIGTERM");
}

console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
