//! `navet bench encryption`: what a passphrase costs. The same partner file imported
//! into a plain and an encrypted database, then opening each, one week's picture in
//! each, and turning encryption on and off for the whole file.

use std::path::PathBuf;
use std::time::Instant;

use navet::db::crypt::Passphrase;
use navet::import::ImportOptions;
use navet::{Error, Result, Store};
use serde::Serialize;

/// The figures `bench encryption` prints (medians over the runs where there are runs).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionBench {
    pub rows: u64,
    pub runs: u32,
    pub open_plain_ms: f64,
    pub open_encrypted_ms: f64,
    pub import_plain_seconds: f64,
    pub import_encrypted_seconds: f64,
    pub picture_plain_ms: f64,
    pub picture_encrypted_ms: f64,
    pub turn_on_seconds: f64,
    pub turn_off_seconds: f64,
    pub file_mb: f64,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or_default()
}

pub fn encryption(rows: u64, runs: u32, dir: Option<PathBuf>) -> Result<EncryptionBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-crypt-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let csv = dir.join("partner.csv");
    navet::demo::write_partner_csv(&csv, rows)?;
    let key = Passphrase::given("ett benchmark vid torget")?;
    let options = ImportOptions {
        partner: Some("Bostadsbolaget Hemvist".into()),
        ..Default::default()
    };
    let period = navet::picture::Period::containing(
        navet::picture::PeriodKind::Week,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 14).unwrap_or_default(),
    );
    let runs = runs.max(1);

    // The same work in a plain and an encrypted database.
    let mut figures = Vec::new();
    for encrypted in [false, true] {
        let db = dir.join(if encrypted {
            "krypterad.sqlite"
        } else {
            "vanlig.sqlite"
        });
        let key = encrypted.then_some(&key);
        let mut store = crate::bench::fresh_demo_store_keyed(&db, key)?;
        let started = Instant::now();
        navet::ops::import::file(&mut store, &csv, &options)?;
        let import = started.elapsed().as_secs_f64();
        drop(store);
        let mut opens = Vec::new();
        let mut pictures = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            let store = Store::open_keyed(&db, key)?;
            opens.push(started.elapsed().as_secs_f64() * 1000.0);
            let started = Instant::now();
            navet::ops::picture::compute(&store, &period)?;
            pictures.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        figures.push((median(opens), import, median(pictures)));
    }

    // The whole file turned into the other form and back.
    let db = dir.join("vanlig.sqlite");
    let file_mb = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let mut store = Store::open(&db)?;
    let started = Instant::now();
    navet::ops::encryption::turn_on(&mut store, &key)?;
    let turn_on = started.elapsed().as_secs_f64();
    let started = Instant::now();
    navet::ops::encryption::turn_off(&mut store)?;
    let turn_off = started.elapsed().as_secs_f64();
    drop(store);

    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let [
        (open_plain, import_plain, picture_plain),
        (open_enc, import_enc, picture_enc),
    ] = [figures[0], figures[1]];
    Ok(EncryptionBench {
        rows,
        runs,
        open_plain_ms: open_plain,
        open_encrypted_ms: open_enc,
        import_plain_seconds: import_plain,
        import_encrypted_seconds: import_enc,
        picture_plain_ms: picture_plain,
        picture_encrypted_ms: picture_enc,
        turn_on_seconds: turn_on,
        turn_off_seconds: turn_off,
        file_mb,
    })
}
