//! `navet bench`: measured speed, never asserted in tests.
//!
//! `bench import` writes N rows of a Swedish partner CSV (semicolons, Windows-1252,
//! CRLF, Swedish headers, places by name and alias, some unknown, now and then a
//! personnummer), imports it through the full path into a fresh database, and times
//! the `sqlite3` shell's bare `.import` of the same file into a table with no
//! indexes in the same run, so the ratio is measured on the same machine and moment.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::Store;
use crate::error::{Error, Result};
use crate::import::ImportOptions;
use crate::messages::Message;

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

const PLACES: &[&str] = &[
    "Stortorget",
    "Torget",
    "Stora torget",
    "Resecentrum",
    "Stationen",
    "Stadsparken",
    "Parken",
    "Gallerian",
    "Ågatan",
    "Norrby centrum",
    "Norrby C",
    "Björkgången",
    "Norrby hpl",
    "Söderåsens centrum",
    "ICA Söderåsen",
    "Tallbacken",
    "Elljusspåret",
    "Badplatsen",
    "Tunneln",
    "Bakom ICA",
    "Gång- och cykelvägen vid ån",
];
const LABELS: &[&str] = &[
    "Skadegörelse",
    "Klotter",
    "Brand",
    "Stöld",
    "Inbrott",
    "Misshandel",
    "Olaga hot",
    "Narkotika",
    "Ordningsstörning",
    "Ungdomar i grupp",
    "Otrygghet",
    "Nedskräpning",
    "Trasig belysning",
];
const TEXTS: &[&str] = &[
    "Krossad ruta i trapphus, glas på marken",
    "Grupp om ca 15 ungdomar, högljudda, lugnade sig efter samtal",
    "Nytt klotter på fasad mot gården, sanering beställd",
    "Brand i container, släckt av räddningstjänsten",
    "Boende upplever otrygghet efter mörkrets inbrott",
    "Misstänkt försäljning, personer avvek vid kontroll",
    "Trasig belysning längs gångvägen mot skolan",
    "Cykelförråd uppbrutet; tre cyklar saknas enligt anmälan",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Writes the benchmark CSV: `rows` data rows under a Swedish header, Windows-1252, CRLF.
pub fn write_swedish_csv(path: &Path, rows: u64) -> Result<u64> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut line = String::with_capacity(256);
    let mut rng = Lcg(2026);
    let io = |e| Error::io(path, e);
    let put = |w: &mut std::io::BufWriter<std::fs::File>, s: &str| -> Result<()> {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
        w.write_all(&bytes).map_err(io)
    };
    put(&mut w, "Datum;Tid;Plats;Händelse;Antal;Beskrivning\r\n")?;
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for i in 0..rows {
        line.clear();
        let day = start + chrono::Duration::days((i % 2500) as i64);
        let text = TEXTS[rng.next(TEXTS.len())];
        let pnr = if i % 997 == 0 {
            " (anmälare 811218-9876)"
        } else {
            ""
        };
        use std::fmt::Write as _;
        let _ = write!(
            line,
            "{};{:02}.{:02};{};{};{};\"{} #{}{}\"\r\n",
            day.format("%Y-%m-%d"),
            rng.next(24),
            rng.next(12) * 5,
            PLACES[rng.next(PLACES.len())],
            LABELS[rng.next(LABELS.len())],
            1 + rng.next(3),
            text,
            i,
            pnr
        );
        put(&mut w, &line)?;
    }
    w.flush().map_err(|e| Error::io(path, e))?;
    Ok(std::fs::metadata(path).map(|m| m.len()).unwrap_or(0))
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
        .arg("CREATE TABLE t (datum TEXT, tid TEXT, plats TEXT, handelse TEXT, antal TEXT, beskrivning TEXT);")
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
    let bytes = write_swedish_csv(&csv, rows)?;
    let db = dir.join("navet.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut store = Store::open(&db)?;
    store.load_demo(
        1,
        chrono::NaiveDate::from_ymd_opt(2019, 12, 29).unwrap_or_default(),
    )?;
    let started = Instant::now();
    let r = store.import_file(
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
