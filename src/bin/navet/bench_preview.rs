//! `navet bench preview`: the import preview of a partner's workbook after a change of
//! mapping, as the app runs it (the file inspected once and kept) against reading the
//! file again for every preview (what every change cost before).

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::Datelike;
use navet::Store;
use navet::error::{Error, Result};
use navet::import::{Field, ImportOptions};
use navet::ops;
use serde::Serialize;

/// The figures `bench preview` prints, in milliseconds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewBench {
    pub rows: u64,
    pub file_bytes: u64,
    pub runs: u32,
    /// Inspecting the workbook once (parse, header, hash).
    pub inspect_ms: f64,
    /// A preview after a mapping change with the kept inspection (median).
    pub kept_median_ms: f64,
    pub kept_max_ms: f64,
    /// The same preview reading the file again (median).
    pub reread_median_ms: f64,
}

/// Writes the generated partner rows as an XLSX, the way a spreadsheet program saves
/// them (dates as dates, counts as numbers, times as text).
fn write_xlsx(csv: &Path, xlsx: &Path) -> Result<u64> {
    let text = std::fs::read(csv).map_err(|e| Error::io(csv, e))?;
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&text);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let fail = |e: rust_xlsxwriter::XlsxError| {
        Error::from(navet::Message::File {
            path: xlsx.display().to_string(),
            detail: e.to_string(),
        })
    };
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, line) in text.lines().enumerate() {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(line.as_bytes());
        let Some(Ok(record)) = reader.records().next() else {
            continue;
        };
        for (c, cell) in record.iter().enumerate() {
            let (row, col) = (r as u32, c as u16);
            let date = chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d").ok();
            match (date, cell.parse::<f64>()) {
                (Some(d), _) if r > 0 => {
                    let d = rust_xlsxwriter::ExcelDateTime::from_ymd(
                        d.year() as u16,
                        d.month() as u8,
                        d.day() as u8,
                    )
                    .map_err(fail)?;
                    sheet
                        .write_datetime_with_format(row, col, &d, &date_format)
                        .map_err(fail)?;
                }
                (_, Ok(n)) if r > 0 && !cell.contains('.') => {
                    sheet.write_number(row, col, n).map_err(fail)?;
                }
                _ => {
                    sheet.write_string(row, col, cell).map_err(fail)?;
                }
            }
        }
    }
    book.save(xlsx).map_err(fail)?;
    Ok(std::fs::metadata(xlsx).map(|m| m.len()).unwrap_or(0))
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

pub fn preview(rows: u64, runs: u32, dir: Option<PathBuf>) -> Result<PreviewBench> {
    let keep = dir.is_some();
    let dir = dir.unwrap_or_else(|| {
        std::env::temp_dir().join(format!("navet-bench-preview-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let csv = dir.join("partner.csv");
    navet::demo::write_partner_csv(&csv, rows)?;
    let xlsx = dir.join("partner.xlsx");
    let file_bytes = write_xlsx(&csv, &xlsx)?;
    let db = dir.join("navet.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut store = Store::open(&db)?;
    ops::load_demo(
        &mut store,
        26,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15).unwrap_or_default(),
    )?;
    // A mapping change in the preview: the description column on and off again.
    let options = |i: u32| ImportOptions {
        partner: Some("Bostadsbolaget Hemvist".into()),
        dry_run: true,
        columns: if i.is_multiple_of(2) {
            vec![("Beskrivning".into(), Field::Description)]
        } else {
            vec![("Beskrivning".into(), Field::Assessment)]
        },
        ..Default::default()
    };
    let started = Instant::now();
    let inspection = ops::import::inspect(&xlsx, None)?;
    let inspect_ms = ms(started);
    let mut kept = Vec::new();
    let mut reread = Vec::new();
    for i in 0..runs.max(1) {
        let started = Instant::now();
        let r =
            ops::import::inspected_with_progress(&mut store, &inspection, &options(i), &|_| true)?;
        kept.push(ms(started));
        if u64::from(r.rows) != rows {
            return Err(navet::Message::Storage {
                detail: format!("the preview read {} rows of {rows}", r.rows),
            }
            .into());
        }
        let started = Instant::now();
        ops::import::file(&mut store, &xlsx, &options(i))?;
        reread.push(ms(started));
    }
    drop(store);
    if !keep {
        let _ = std::fs::remove_dir_all(&dir);
    }
    let kept_max_ms = kept.iter().copied().fold(0.0, f64::max);
    Ok(PreviewBench {
        rows,
        file_bytes,
        runs: runs.max(1),
        inspect_ms,
        kept_median_ms: median(kept),
        kept_max_ms,
        reread_median_ms: median(reread),
    })
}
