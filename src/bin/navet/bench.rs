//! `navet bench`: measured speed, never asserted in tests.
//!
//! `bench import` writes N rows of a Swedish partner CSV (semicolons, Windows-1252,
//! CRLF, Swedish headers, places by name and alias, some unknown, now and then a
//! personnummer), imports it through the full path into a fresh database, and times
//! the `sqlite3` shell's bare `.import` of the same file into a table with no
//! indexes in the same run, so the ratio is measured on the same machine and moment.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Subcommand;
use serde::Serialize;

use navet::Store;
use navet::db::report::{Inserter, ReportRow};
use navet::error::{Error, Result};
use navet::import::ImportOptions;
use navet::messages::Message;

use crate::output::{print_json, print_one};
use crate::words as cli;

#[derive(Subcommand)]
pub enum BenchCmd {
    /// Vad kryptering kostar: samma fil importerad i en vanlig och en krypterad databas,
    /// öppna, veckans lägesbild, och hela filen krypterad och dekrypterad.
    Encryption {
        #[arg(long, default_value_t = 100_000)]
        rows: u64,
        #[arg(long, default_value_t = 9)]
        runs: u32,
        /// Arbetsmapp (annars en tillfällig som tas bort efteråt).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Importera N genererade rader i svensk CSV hela vägen, och mät
    /// sqlite3:s rena .import av samma fil i samma körning.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: u64,
        /// Arbetsmapp (annars en tillfällig som tas bort efteråt).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Lägesbilden för en vecka (normalnivå av 8 veckor, utveckling 12 veckor) i en databas med N rapporter.
    Picture {
        #[arg(long, default_value_t = 1_000_000)]
        reports: u64,
        #[arg(long, default_value_t = 20)]
        runs: u32,
        /// Arbetsmapp (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Medan N rader importeras: första sidan rapporter och veckans lägesbild från en
    /// läsanslutning och från en andra `navet`-process; sedan hur snabbt avbryt stoppar
    /// en andra import mitt i (och att inget sparades).
    Reads {
        #[arg(long, default_value_t = 1_000_000)]
        rows: u64,
        /// Arbetsmapp (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Förhandsgranskningen av en XLSX med N rader efter en ändrad koppling: med filen
    /// granskad en gång och sparad (som appen gör), och läst på nytt.
    Preview {
        #[arg(long, default_value_t = 50_000)]
        rows: u64,
        #[arg(long, default_value_t = 5)]
        runs: u32,
        /// Arbetsmapp (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// Rapportregistret på N rapporter: första sidan, aktör och område, sökord, en
    /// sida mitt i en sortering på plats (median av --runs).
    Register {
        #[arg(long, default_value_t = 100_000)]
        reports: u64,
        #[arg(long, default_value_t = 10)]
        runs: u32,
        /// Arbetsmapp (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    /// En PDF stor som ett mötesunderlag (en tabell med 1 000 rader och diagram) mot
    /// Chromiums --print-to-pdf av samma innehåll som HTML, mätt i samma körning.
    /// Mötesunderlagen och lägesbilden enligt lag (demodata med cykel): sidtid mot
    /// Chromiums utskrift av samma innehåll.
    Pack {
        #[arg(long, default_value_t = 9)]
        runs: u32,
        /// Var databasen, PDF-filerna och HTML-filerna skrivs (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
    Pdf {
        #[arg(long, default_value_t = 1000)]
        rows: u32,
        #[arg(long, default_value_t = 5)]
        runs: u32,
        /// Var PDF-filerna och HTML-filen skrivs (sparas).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Skriv JSON (stabil, camelCase) i stället för en tabell.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(cmd: BenchCmd) -> Result<()> {
    match cmd {
        BenchCmd::Encryption {
            rows,
            runs,
            dir,
            json,
        } => {
            let b = crate::bench_encryption::encryption(rows, runs, dir)?;
            print_one(json, &b, || cli::bench_encryption(&b))?;
        }
        BenchCmd::Preview {
            rows,
            runs,
            dir,
            json,
        } => {
            let b = crate::bench_preview::preview(rows, runs, dir)?;
            print_one(json, &b, || cli::bench_preview(&b))?;
        }
        BenchCmd::Register {
            reports,
            runs,
            dir,
            json,
        } => {
            let b = crate::bench_register::register(reports, runs, dir)?;
            if json {
                print_json(&b)?;
            } else {
                for q in &b.queries {
                    println!(
                        "{}",
                        cli::bench_register(b.reports, &q.name, q.median_ms, q.max_ms, q.total)
                    );
                }
            }
        }
        BenchCmd::Reads { rows, dir, json } => {
            let b = crate::bench_reads::reads(rows, dir)?;
            print_one(json, &b, || cli::bench_reads(&b))?;
        }
        BenchCmd::Picture {
            reports,
            runs,
            dir,
            json,
        } => {
            let b = picture(reports, runs, dir)?;
            print_one(json, &b, || {
                cli::bench_picture(
                    b.reports,
                    b.median_ms,
                    b.min_ms,
                    b.max_ms,
                    b.runs,
                    b.week_total,
                )
            })?;
        }
        BenchCmd::Pack { runs, dir, json } => {
            let list = crate::bench_pack::packs(runs, dir)?;
            if json {
                print_json(&list)?;
            } else {
                for b in &list {
                    println!("{}", cli::bench_pack(b));
                }
            }
        }
        BenchCmd::Pdf {
            rows,
            runs,
            dir,
            json,
        } => {
            let b = pdf(rows, runs, dir)?;
            if json {
                print_json(&b)?;
            } else {
                println!(
                    "{}",
                    cli::bench_pdf(b.pages, b.navet_bytes, b.navet_ms, b.runs)
                );
                match (b.chromium_ms, b.ratio) {
                    (Some(c), Some(r)) => println!(
                        "chromium --print-to-pdf: {c:.0} ms, {} byte; kvot navet/chromium: {r:.3}",
                        b.chromium_bytes.unwrap_or(0)
                    ),
                    _ => println!("{}", cli::NO_CHROMIUM),
                }
            }
        }
        BenchCmd::Import { rows, dir, json } => {
            let b = import(rows, dir)?;
            if json {
                print_json(&b)?;
            } else {
                println!(
                    "{}",
                    cli::bench_import_file(b.rows, b.file_bytes as f64 / 1e6)
                );
                println!("{}", cli::bench_import_navet(b.navet_seconds, b.inserted));
                match (b.sqlite3_seconds, b.ratio) {
                    (Some(s), Some(r)) => println!(
                        "sqlite3 .import (bar tabell): {s:.3} s  kvot navet/sqlite3: {r:.2}"
                    ),
                    _ => println!("{}", cli::NO_SQLITE3),
                }
                if let Some(m) = b.peak_memory_mb {
                    println!("{}", cli::bench_peak_memory(m));
                }
            }
        }
    }
    Ok(())
}

/// The figures `bench import` prints.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportBench {
    pub rows: u64,
    pub file_bytes: u64,
    pub navet_seconds: f64,
    pub inserted: u32,
    pub sqlite3_seconds: Option<f64>,
    /// Navet's time divided by sqlite3's: below 1 means Navet is faster.
    pub ratio: Option<f64>,
    pub peak_memory_mb: Option<f64>,
}

/// A new database at `db` (any old one removed) with the demo's places, partners and
/// one week of reports in 2019, before any benchmark data.
pub fn fresh_demo_store(db: &Path) -> Result<Store> {
    fresh_demo_store_keyed(db, None)
}

/// [`fresh_demo_store`], encrypted with `key` when one is given.
pub fn fresh_demo_store_keyed(
    db: &Path,
    key: Option<&navet::db::crypt::Passphrase>,
) -> Result<Store> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut store = Store::open_keyed(db, key)?;
    navet::ops::load_demo(
        &mut store,
        1,
        chrono::NaiveDate::from_ymd_opt(2019, 12, 29).unwrap_or_default(),
    )?;
    Ok(store)
}

/// Peak resident memory of this process (Linux), in MB.
pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn time_sqlite3(dir: &Path, csv: &Path) -> Option<Duration> {
    let db = dir.join("bare.sqlite");
    let _ = std::fs::remove_file(&db);
    let setup = std::process::Command::new("sqlite3")
        .arg(&db)
        .arg(navet::db::bulk::SQLITE3_FLOOR_TABLE)
        .status()
        .ok()?;
    if !setup.success() {
        return None;
    }
    let started = Instant::now();
    let status = std::process::Command::new("sqlite3")
        .arg(&db)
        .args([
            ".mode csv",
            ".separator ;",
            &format!(".import --skip 1 '{}' t", csv.display()),
        ])
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    let took = started.elapsed();
    status.success().then_some(took)
}

/// Runs the import benchmark in `dir` (a temporary folder if `None`).
pub fn import(rows: u64, dir: Option<PathBuf>) -> Result<ImportBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let csv = dir.join("partner.csv");
    let bytes = navet::demo::write_partner_csv(&csv, rows)?;
    let mut store = fresh_demo_store(&dir.join("navet.sqlite"))?;
    let started = Instant::now();
    let r = navet::ops::import::file(
        &mut store,
        &csv,
        &ImportOptions {
            partner: Some("Bostadsbolaget Hemvist".into()),
            ..Default::default()
        },
    )?;
    let navet = started.elapsed();
    drop(store);
    let sqlite3 = time_sqlite3(&dir, &csv);
    let result = ImportBench {
        rows,
        file_bytes: bytes,
        navet_seconds: navet.as_secs_f64(),
        inserted: r.inserted,
        sqlite3_seconds: sqlite3.map(|d| d.as_secs_f64()),
        ratio: sqlite3.map(|d| navet.as_secs_f64() / d.as_secs_f64()),
        peak_memory_mb: peak_memory_mb(),
    };
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    if r.inserted == 0 && rows > 0 {
        return Err(Message::Storage {
            detail: "benchmark imported nothing".into(),
        }
        .into());
    }
    Ok(result)
}

/// The figures `bench picture` prints.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PictureBench {
    pub reports: u64,
    pub runs: u32,
    pub median_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
    pub week_total: u32,
}

/// Fills a fresh database with `reports` reports over about seven years (the demo's
/// 20 places, 6 partners and 12 categories, ids 1.. in a fresh database) in one SQL statement, then times the picture of one ISO
/// week with its 8-week baseline and 12-week trend, `runs` times.
pub fn picture(reports: u64, runs: u32, dir: Option<PathBuf>) -> Result<PictureBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-pic-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut store = fresh_demo_store(&dir.join("picture.sqlite"))?;
    // Generated through the same inserter as the form and the importer: about seven
    // years of days, 20 places (every 29th report unplaced), 12 categories, 6 partners.
    store.write(|tx| {
        let mut inserter = Inserter::new(tx)?;
        let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        for i in 1..=reports as i64 {
            let date = (start + chrono::Days::new((i % 2555) as u64))
                .format("%Y-%m-%d")
                .to_string();
            let time = (i % 7 != 0).then(|| format!("{:02}:{:02}", (i * 7) % 24, (i * 13) % 60));
            inserter.insert(&ReportRow {
                date: &date,
                time: time.as_deref(),
                place_id: (i % 29 != 0).then_some(1 + (i * 31) % 20),
                category_id: 1 + (i * 17) % 12,
                partner_id: 1 + (i * 7) % 6,
                count: 1 + (i % 3) as u32,
                assessment: None,
                text: "bench",
                source_place: None,
                source_category: None,
                import_batch_id: None,
                external_id: None,
                row_key: None,
                flagged: false,
            })?;
        }
        Ok(())
    })?;
    store.analyze()?;
    let period = navet::picture::Period::containing(
        navet::picture::PeriodKind::Week,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 18).unwrap_or_default(),
    );
    let mut times = Vec::with_capacity(runs as usize);
    let mut week_total = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let p = navet::ops::picture::compute(&store, &period)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        week_total = p.total;
    }
    times.sort_by(f64::total_cmp);
    let result = PictureBench {
        reports,
        runs: times.len() as u32,
        median_ms: times[times.len() / 2],
        min_ms: times[0],
        max_ms: times[times.len() - 1],
        week_total,
    };
    drop(store);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(result)
}

/// The figures `bench pdf` prints.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PdfBench {
    pub rows: u32,
    pub pages: usize,
    pub runs: u32,
    pub navet_ms: f64,
    pub navet_bytes: usize,
    pub chromium_ms: Option<f64>,
    pub chromium_bytes: Option<u64>,
    /// Navet's time divided by Chromium's.
    pub ratio: Option<f64>,
}

/// The benchmark document: a cover text, three charts and a `rows`-row table.
pub fn pdf_document(rows: u32) -> navet::export::pdf::doc::Document {
    use navet::export::pdf::doc::{Align, Bar, Block, Column, Document, Row, RowStyle, Table};
    let col = |t: &str, w: f32, a: Align| Column {
        title: t.into(),
        width: w,
        align: a,
        trend: false,
    };
    let data = navet::demo::table_rows(rows);
    Document {
        title: "Mötesunderlag operativ grupp".into(),
        header: "Ekbacka kommun".into(),
        footer: "Navet · benchmark".into(),
        created_unix: 1_795_000_000,
        blocks: vec![
            Block::Title { text: "Mötesunderlag operativ grupp".into(), subtitle: "Vecka 46–47 2026 · rapporter, mönster och åtgärder".into() },
            Block::Paragraph("Underlaget visar alla rapporter sedan förra mötet, fördelningen per kategori, utvecklingen över tolv veckor och när på dygnet händelserna inträffar.".into()),
            Block::Bars {
                title: "Händelser per kategori".into(),
                bars: navet::demo::PARTNER_LABELS.iter().enumerate().map(|(i, l)| Bar { label: l.to_string(), value: (3 + i * 7 % 17) as f64, mark: Some(6.0), highlight: i == 2 }).collect(),
                legend: "Stapel: antal. Streck: baslinje.".into(),
            },
            Block::Line { title: "Utveckling, 12 veckor".into(), points: (35..47).map(|w| (format!("v. {w}"), (40 + (w * 13) % 30) as f64)).collect() },
            Block::Heatmap {
                title: "Veckodag och klockslag".into(),
                rows: ["mån", "tis", "ons", "tor", "fre", "lör", "sön"].iter().map(|s| s.to_string()).collect(),
                cols: (0..24).map(|h| format!("{h:02}")).collect(),
                values: (0..7).map(|d| (0..24).map(|h| ((d * 5 + h * 3) % 11) as f64).collect()).collect(),
            },
            Block::Heading("Alla rapporter".into()),
            Block::Table(Table {
                continued: Some("Alla rapporter (forts.)".into()),
                columns: vec![col("Datum", 1.2, Align::Left), col("Plats", 2.6, Align::Left), col("Kategori", 2.2, Align::Left), col("Aktör", 2.0, Align::Left), col("Antal", 0.8, Align::Right)],
                rows: data.iter().map(|r| Row { cells: r.to_vec(), style: RowStyle::Normal }).collect(),
            }),
        ],
    }
}

/// The same content as HTML for Chromium, with its charts as inline SVG.
pub fn pdf_html(rows: u32) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut h = String::from(
        "<!doctype html><html lang=sv><meta charset=utf-8><style>@page{size:A4;margin:24mm 18mm 20mm}body{font-family:'Noto Sans',sans-serif;font-size:9pt;color:#1b2b2a}h1{color:#1f5f5b;font-size:24pt}table{border-collapse:collapse;width:100%}th{background:#e8efee;text-align:left}th,td{padding:3px;border-bottom:1px solid #d5dddc}thead{display:table-header-group}td.n{text-align:right}</style>",
    );
    h.push_str("<h1>Mötesunderlag operativ grupp</h1><p>Vecka 46–47 2026 · rapporter, mönster och åtgärder</p><p>Underlaget visar alla rapporter sedan förra mötet, fördelningen per kategori, utvecklingen över tolv veckor och när på dygnet händelserna inträffar.</p>");
    h.push_str("<h3>Händelser per kategori</h3><svg width=500 height=200>");
    for (i, l) in navet::demo::PARTNER_LABELS.iter().enumerate() {
        let v = 3 + i * 7 % 17;
        h.push_str(&format!("<text x=0 y={} font-size=9>{}</text><rect x=140 y={} width={} height=10 fill=#1f5f5b /><text x={} y={} font-size=9>{v}</text>", 12 + i * 15, esc(l), 3 + i * 15, v * 15, 145 + v * 15, 12 + i * 15));
    }
    h.push_str("</svg><h3>Utveckling, 12 veckor</h3><svg width=500 height=150><polyline fill=none stroke=#1f5f5b stroke-width=2 points='");
    for (i, w) in (35..47).enumerate() {
        h.push_str(&format!(
            "{},{} ",
            30 + i * 40,
            140 - (40 + (w * 13) % 30) * 2
        ));
    }
    h.push_str("'/></svg><h3>Veckodag och klockslag</h3><svg width=500 height=100>");
    for d in 0..7 {
        for hr in 0..24 {
            let v = ((d * 5 + hr * 3) % 11) as f64 / 10.0;
            h.push_str(&format!(
                "<rect x={} y={} width=18 height=12 fill='rgba(31,95,91,{v:.2})'/>",
                30 + hr * 19,
                d * 13
            ));
        }
    }
    h.push_str("</svg><h2>Alla rapporter</h2><table><thead><tr><th>Datum<th>Plats<th>Kategori<th>Aktör<th>Antal</thead><tbody>");
    for r in navet::demo::table_rows(rows) {
        h.push_str(&format!(
            "<tr><td>{}<td>{}<td>{}<td>{}<td class=n>{}",
            r[0],
            esc(&r[1]),
            esc(&r[2]),
            esc(&r[3]),
            r[4]
        ));
    }
    h.push_str("</tbody></table></html>");
    h
}

pub fn pdf_pages(bytes: &[u8]) -> usize {
    // Count page objects; good enough for a benchmark's report.
    let needle = b"/Type/Page";
    bytes
        .windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

/// Chromium's print of `html` to `pdf`, timed (the median of `runs` processes); none
/// without Chromium.
pub fn chromium_print(dir: &Path, html: &Path, pdf: &Path, runs: u32) -> Option<f64> {
    let bin = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })?;
    let mut times = Vec::new();
    for i in 0..runs.max(1) {
        let profile = dir.join(format!("chromium-profile-{i}"));
        let started = Instant::now();
        let status = std::process::Command::new(bin)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display()))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            return None;
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let _ = std::fs::remove_dir_all(&profile);
    }
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied()
}

/// Times Navet's PDF against Chromium's print-to-pdf of the same content.
pub fn pdf(rows: u32, runs: u32, dir: Option<PathBuf>) -> Result<PdfBench> {
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-pdf-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let doc = pdf_document(rows);
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        bytes = navet::export::pdf::render(&doc)?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let navet_ms = times[times.len() / 2];
    let navet_pdf = dir.join("navet.pdf");
    std::fs::write(&navet_pdf, &bytes).map_err(|e| Error::io(&navet_pdf, e))?;
    let html = dir.join("chromium.html");
    std::fs::write(&html, pdf_html(rows)).map_err(|e| Error::io(&html, e))?;
    let chrome_pdf = dir.join("chromium.pdf");
    let chromium_ms = chromium_print(&dir, &html, &chrome_pdf, 1);
    let chromium_bytes = std::fs::metadata(&chrome_pdf).ok().map(|m| m.len());
    Ok(PdfBench {
        rows,
        pages: pdf_pages(&bytes),
        runs: times.len() as u32,
        navet_ms,
        navet_bytes: bytes.len(),
        chromium_ms,
        chromium_bytes,
        ratio: chromium_ms.map(|c| navet_ms / c),
    })
}
