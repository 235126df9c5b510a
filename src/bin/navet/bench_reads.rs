//! `navet bench reads`: what a coordinator feels while a large import runs. A million
//! generated rows are imported on one thread (the app's writer) while, every 250 ms,
//! a read-only connection (the app's reader) and a second `navet` process each ask for
//! the first page of reports and the week's picture. Then a second import is cancelled
//! half-way through: how long cancel takes to stop it, and whether anything was stored.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::{Duration, Instant};

use navet::Store;
use navet::db::report::ReportFilter;
use navet::error::{Error, Result};
use navet::import::ImportOptions;
use navet::ops;
use navet::picture::{Period, PeriodKind};
use serde::Serialize;

/// The figures `bench reads` prints, in milliseconds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadsBench {
    pub rows: u64,
    pub import_seconds: f64,
    /// Samples taken while the import ran (per kind of read).
    pub samples: usize,
    pub list_reader_max_ms: f64,
    pub list_reader_median_ms: f64,
    pub picture_reader_max_ms: f64,
    pub picture_reader_median_ms: f64,
    pub list_process_max_ms: f64,
    pub list_process_median_ms: f64,
    pub picture_process_max_ms: f64,
    pub picture_process_median_ms: f64,
    /// From the cancel request to the import's return.
    pub cancel_ms: f64,
    /// Reports stored by the cancelled import (must be 0).
    pub stored_after_cancel: i64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median_max(mut v: Vec<f64>) -> (f64, f64) {
    if v.is_empty() {
        return (0.0, 0.0);
    }
    v.sort_by(f64::total_cmp);
    (v[v.len() / 2], v[v.len() - 1])
}

/// Times one run of `navet ARGS` against the database (a whole second process).
fn time_process(db: &Path, args: &[&str]) -> Result<f64> {
    let exe = std::env::current_exe().map_err(|e| Error::io(Path::new("navet"), e))?;
    let started = Instant::now();
    let out = Command::new(exe)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .map_err(|e| Error::io(db, e))?;
    let took = ms(started.elapsed());
    if !out.status.success() {
        return Err(navet::Message::Storage {
            detail: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        }
        .into());
    }
    Ok(took)
}

fn fresh_store(path: &Path) -> Result<Store> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(path)?;
    ops::load_demo(
        &mut store,
        26,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default(),
    )?;
    Ok(store)
}

pub fn reads(rows: u64, dir: Option<PathBuf>) -> Result<ReadsBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-reads-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let csv = dir.join("partner.csv");
    navet::demo::write_partner_csv(&csv, rows)?;
    let db = dir.join("navet.sqlite");
    let mut writer = fresh_store(&db)?;
    let reader = Store::open_reader(&db)?;
    let week = Period::containing(
        PeriodKind::Week,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 11).unwrap_or_default(),
    );
    let db_text = db.display().to_string();
    let week_from = week.from.to_string();
    let first_page = ReportFilter {
        limit: Some(100),
        ..Default::default()
    };
    let opts = ImportOptions {
        partner: Some("Bostadsbolaget Hemvist".into()),
        ..Default::default()
    };

    let progressed = AtomicU32::new(0);
    let done = AtomicBool::new(false);
    let (mut list_r, mut pic_r, mut list_p, mut pic_p) = (vec![], vec![], vec![], vec![]);
    let mut import_seconds = 0.0;
    std::thread::scope(|scope| -> Result<()> {
        let importing = scope.spawn(|| {
            let started = Instant::now();
            let r = ops::import::file_with_progress(&mut writer, &csv, &opts, &|p| {
                progressed.store(p.rows, Ordering::SeqCst);
                true
            });
            done.store(true, Ordering::SeqCst);
            r.map(|_| started.elapsed().as_secs_f64())
        });
        while progressed.load(Ordering::SeqCst) == 0 && !done.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(20));
        }
        while !done.load(Ordering::SeqCst) {
            let t = Instant::now();
            ops::report::list(&reader, &first_page)?;
            list_r.push(ms(t.elapsed()));
            let t = Instant::now();
            ops::picture::compute(&reader, &week)?;
            pic_r.push(ms(t.elapsed()));
            list_p.push(time_process(
                Path::new(&db_text),
                &["report", "list", "--limit", "100", "--json"],
            )?);
            pic_p.push(time_process(
                Path::new(&db_text),
                &[
                    "picture", "--from", &week_from, "--period", "week", "--json",
                ],
            )?);
            std::thread::sleep(Duration::from_millis(250));
        }
        import_seconds = importing.join().map_err(|_| {
            Error::from(navet::Message::Storage {
                detail: "the import thread panicked".into(),
            })
        })??;
        Ok(())
    })?;
    let samples = list_r.len();
    drop(reader);
    drop(writer);

    // Cancel half-way: the button sets the flag and interrupts the writer's statement.
    let db2 = dir.join("cancel.sqlite");
    let mut writer = fresh_store(&db2)?;
    let before = ops::report::count(&writer)?;
    let interrupt = writer.interrupt_handle();
    let cancel = AtomicBool::new(false);
    let progressed = AtomicU32::new(0);
    let cancel_ms = std::thread::scope(|scope| -> Result<f64> {
        let importing = scope.spawn(|| {
            let r = ops::import::file_with_progress(&mut writer, &csv, &opts, &|p| {
                progressed.store(p.rows, Ordering::SeqCst);
                !cancel.load(Ordering::SeqCst)
            });
            (r, Instant::now())
        });
        while u64::from(progressed.load(Ordering::SeqCst)) < rows / 2 {
            std::thread::sleep(Duration::from_millis(5));
        }
        let asked = Instant::now();
        cancel.store(true, Ordering::SeqCst);
        interrupt.interrupt();
        let (result, returned) = importing.join().map_err(|_| {
            Error::from(navet::Message::Storage {
                detail: "the import thread panicked".into(),
            })
        })?;
        if result.is_ok() {
            return Err(navet::Message::Storage {
                detail: "the cancelled import finished anyway".into(),
            }
            .into());
        }
        Ok(ms(returned.duration_since(asked)))
    })?;
    let stored_after_cancel = ops::report::count(&writer)? - before;
    drop(writer);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let (list_reader_median_ms, list_reader_max_ms) = median_max(list_r);
    let (picture_reader_median_ms, picture_reader_max_ms) = median_max(pic_r);
    let (list_process_median_ms, list_process_max_ms) = median_max(list_p);
    let (picture_process_median_ms, picture_process_max_ms) = median_max(pic_p);
    Ok(ReadsBench {
        rows,
        import_seconds,
        samples,
        list_reader_max_ms,
        list_reader_median_ms,
        picture_reader_max_ms,
        picture_reader_median_ms,
        list_process_max_ms,
        list_process_median_ms,
        picture_process_max_ms,
        picture_process_median_ms,
        cancel_ms,
        stored_after_cancel,
    })
}
