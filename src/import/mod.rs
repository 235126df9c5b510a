//! Import of partner files: sniff, read, map, validate, then store in one transaction.
//!
//! Data flows one way: [`source`] reads rows of text from CSV, XLSX/XLS/ODS or the
//! police's JSON; [`mapping`] finds the header and which column is which field;
//! each row is checked and turned into a report ([`rows`]); the loader stores them
//! with a duplicate key ([`rowkey`]) under one batch, all or nothing. Problems are
//! data (`RowIssue` with line and column), never panics: with `OnProblem::Flag`
//! (the default) a row with a fixable problem is stored and flagged, a row that
//! cannot be stored (no date) is skipped and kept in the batch as raw text.
//! A dry run does all of this and rolls back, which is the preview.

pub mod categories;
pub mod dates;
pub mod mapping;
pub mod plan;
pub mod police;
pub mod rowkey;
mod rows;
pub mod sniff;
pub mod source;

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::sync_channel;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use dates::DayOrder;
pub use mapping::Field;
pub use source::Format;

use crate::Store;
use crate::db::bulk::BulkLoad;
use crate::db::import_batch::{self, NewBatch};
use crate::db::import_profile::ProfileSettings;
use crate::db::{import_profile, partner};
use crate::db::{report_month, report_search};
use crate::error::{Error, Result};
use crate::ids::Id;
use crate::messages::Message;
use crate::names;
use mapping::Mapping;

/// What to do with a row that has a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OnProblem {
    /// Store it marked as flagged (rows that cannot be stored are skipped and listed).
    #[default]
    Flag,
    /// Do not store it; list it in the batch.
    Skip,
    /// Stop; store nothing.
    Abort,
}

/// How to import a file.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportOptions {
    /// The partner the file comes from (required unless a column names it).
    #[ts(optional)]
    pub partner: Option<String>,
    /// A profile to use and to save the mapping under.
    #[ts(optional)]
    pub profile: Option<String>,
    /// The sheet of a spreadsheet; default the first non-empty.
    #[ts(optional)]
    pub sheet: Option<String>,
    #[serde(default)]
    pub on_problem: OnProblem,
    /// Keep personnummer and phone numbers in the text (default: mask them).
    #[serde(default)]
    pub keep_personal_data: bool,
    /// Header text (or 1-based column number) → field, overriding the suggestions and the profile.
    #[serde(default)]
    pub columns: Vec<(String, Field)>,
    /// `columns` is the whole mapping: no suggestions, no profile (the app's mapping editor).
    #[serde(default)]
    pub replace_mapping: bool,
    /// Partner label → category name.
    #[serde(default)]
    pub categories: Vec<(String, String)>,
    #[ts(optional)]
    pub day_order: Option<DayOrder>,
    /// Do everything, then roll back: the preview.
    #[serde(default)]
    pub dry_run: bool,
    /// Dates typed in the preview for rows whose own date could not be read: (line,
    /// date). Such a row is stored with this date and flagged as corrected by hand.
    #[serde(default)]
    #[ts(type = "Array<[number, string]>")]
    pub date_fixes: Vec<(u64, String)>,
}

/// What the import does with a row (and what an issue about it means).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RowAction {
    Stored,
    Flagged,
    Skipped,
    Duplicate,
    Info,
}

impl RowAction {
    /// As stored in `import_issue.action` and written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RowAction::Stored => "stored",
            RowAction::Flagged => "flagged",
            RowAction::Skipped => "skipped",
            RowAction::Duplicate => "duplicate",
            RowAction::Info => "info",
        }
    }
}

/// One problem in the file, by line and column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RowIssue {
    #[ts(type = "number")]
    pub line: u64,
    /// The column's header, when the problem is in one column.
    pub column: Option<String>,
    pub message: String,
    /// Flagged, skipped or info.
    pub action: RowAction,
    /// The row's date could not be read: the preview offers to type it.
    pub needs_date: bool,
}

/// A column and the field it was mapped to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ColumnMapping {
    pub index: u32,
    pub header: String,
    pub field: Option<Field>,
}

pub use crate::db::place::UnplacedText;

/// A partner label that matched no category (it went to Övrigt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UnmappedLabel {
    pub label: String,
    pub rows: u32,
}

/// One of the first rows, as it will be stored.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SampleRow {
    #[ts(type = "number")]
    pub line: u64,
    pub date: Option<String>,
    pub time: Option<String>,
    /// The place as the file writes it.
    pub place: Option<String>,
    pub place_resolved: bool,
    /// The place Navet stores the row under (none: unplaced).
    pub stored_place: Option<String>,
    /// The category as the file writes it.
    pub category: Option<String>,
    /// The category Navet stores (none for a row not stored).
    pub stored_category: Option<String>,
    pub count: u32,
    pub text: String,
    /// Stored, flagged, skipped or duplicate.
    pub action: RowAction,
}

/// The outcome of an import or of its preview (`dryRun`).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportResult {
    #[serde(with = "crate::ids::option_string")]
    #[ts(type = "string | null")]
    pub batch: Option<Id>,
    pub file: String,
    pub format: Format,
    /// The format as the preview names it ("XLSX", "Polisens händelser (JSON)").
    pub format_label: String,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub sheets: Vec<String>,
    #[ts(type = "number")]
    pub header_line: u64,
    pub columns: Vec<ColumnMapping>,
    pub day_order: DayOrder,
    pub partner: Option<String>,
    pub profile: Option<String>,
    pub rows: u32,
    pub inserted: u32,
    pub duplicates: u32,
    pub flagged: u32,
    pub skipped: u32,
    pub masked: u32,
    pub unplaced: Vec<UnplacedText>,
    pub unmapped_categories: Vec<UnmappedLabel>,
    pub sample: Vec<SampleRow>,
    pub issues: Vec<RowIssue>,
    /// All issues; `issues` lists the first [`MAX_LISTED_ISSUES`].
    pub issues_total: u32,
    pub dry_run: bool,
    /// How dates written without a year got one ("3 datum saknade år: …"), if any did.
    pub year_note: Option<String>,
}

/// How many issues a result lists; all are stored with the batch.
pub const MAX_LISTED_ISSUES: usize = 1000;
/// How many rows the header search looks at.
const HEADER_SEARCH_ROWS: usize = 40;
const SAMPLE_ROWS: usize = 20;

fn sha256_file(path: &Path) -> Result<String> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// How far an import has come; sent every [`PROGRESS_EVERY`] rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProgress {
    pub rows: u32,
    /// An estimate from the file size; the bar's end.
    pub estimated: u32,
}

pub const PROGRESS_EVERY: u64 = 2000;

/// Called with the progress; returning `false` cancels the import (nothing is stored).
pub type ProgressFn<'a> = &'a dyn Fn(ImportProgress) -> bool;

/// With `NAVET_TRACE` set, prints one measured duration (for `bench`).
fn trace_figure(what: &str, took: std::time::Duration) {
    if std::env::var_os("NAVET_TRACE").is_some() {
        eprintln!("  ({what}: {:.3} s)", took.as_secs_f64());
    }
}

/// With `NAVET_TRACE` set, prints how long each import phase took (for `bench`).
fn trace(phase: &str) {
    use std::sync::Mutex;
    use std::time::Instant;
    static LAST: Mutex<Option<Instant>> = Mutex::new(None);
    if std::env::var_os("NAVET_TRACE").is_none() {
        return;
    }
    if let Ok(mut last) = LAST.lock() {
        let now = Instant::now();
        if let Some(prev) = *last {
            eprintln!("  {phase}: {:.3} s", (now - prev).as_secs_f64());
        }
        *last = Some(now);
    }
}

/// One pass over a file: its format and encoding, a workbook's cells held once, the
/// header found among the first rows, and the file's hash. It depends on nothing but
/// the file and the sheet asked for, so the app keeps the last one and a mapping
/// change in the preview does not read the file again.
#[derive(Debug, Clone)]
pub struct Inspection {
    src: source::Source,
    /// The sheet asked for (none: the first non-empty one).
    sheet_asked: Option<String>,
    header: Vec<String>,
    header_idx: usize,
    header_line: u64,
    police_shape: bool,
    file_hash: String,
    /// The file's size and modification time when inspected, to notice a new version.
    stamp: Option<(u64, std::time::SystemTime)>,
}

fn stamp(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// Inspects a file (see [`Inspection`]).
pub fn inspect(path: &Path, sheet: Option<&str>) -> Result<Inspection> {
    trace("start");
    let stamp_before = stamp(path);
    let mut src = source::Source::open(path, sheet)?;
    let file = src.file_name.clone();

    // The first rows: find the header among them.
    let mut rec = csv::StringRecord::new();
    let read_head =
        |src: &source::Source, rec: &mut csv::StringRecord| -> Result<Vec<(u64, Vec<String>)>> {
            let mut reader = src.rows()?;
            let mut head = Vec::new();
            while head.len() < HEADER_SEARCH_ROWS && reader.read(rec)? {
                head.push((
                    reader.line(),
                    rec.iter().map(|c| c.trim().to_string()).collect(),
                ));
            }
            Ok(head)
        };
    let mut head = read_head(&src, &mut rec)?;
    let mut cells: Vec<Vec<String>> = head.iter().map(|(_, c)| c.clone()).collect();
    let mut header_idx = mapping::find_header(&cells)
        .ok_or_else(|| Message::ImportNoHeader { file: file.clone() })?;
    // The police API's fields flattened into columns read like the JSON itself.
    if src.format != Format::PoliceJson
        && let Some(cols) = police::FlatColumns::detect(&cells[header_idx])
    {
        src.police_columns = Some(cols);
        head = read_head(&src, &mut rec)?;
        cells = head.iter().map(|(_, c)| c.clone()).collect();
        header_idx = mapping::find_header(&cells)
            .ok_or_else(|| Message::ImportNoHeader { file: file.clone() })?;
    }
    let police_shape = src.format == Format::PoliceJson || src.police_columns.is_some();
    let header_line = head[header_idx].0;
    let header = cells.swap_remove(header_idx);
    let file_hash = sha256_file(path)?;
    trace("inspection");
    Ok(Inspection {
        src,
        sheet_asked: sheet.map(str::to_string),
        header,
        header_idx,
        header_line,
        police_shape,
        file_hash,
        stamp: stamp_before,
    })
}

impl Inspection {
    /// Whether this inspection still describes `path` with `sheet` asked for: the same
    /// file, sheet, size and modification time.
    pub fn is_current(&self, path: &Path, sheet: Option<&str>) -> bool {
        self.src.path == path
            && self.sheet_asked.as_deref() == sheet
            && self.stamp.is_some()
            && stamp(path) == self.stamp
    }
}

/// Imports (or, with `dry_run`, previews) one file into the store: the whole pipeline,
/// one transaction. `progress` is called every [`PROGRESS_EVERY`] rows; returning
/// `false` cancels (nothing is stored).
pub fn run(
    store: &mut Store,
    path: &Path,
    opts: &ImportOptions,
    progress: ProgressFn,
) -> Result<ImportResult> {
    let inspection = inspect(path, opts.sheet.as_deref())?;
    run_inspected(store, &inspection, opts, progress)
}

/// [`run`] on a file already inspected.
pub fn run_inspected(
    store: &mut Store,
    inspection: &Inspection,
    opts: &ImportOptions,
    progress: ProgressFn,
) -> Result<ImportResult> {
    let Inspection {
        src,
        header,
        header_idx,
        header_line,
        file_hash,
        ..
    } = inspection;
    let (header_idx, header_line) = (*header_idx, *header_line);
    let header = header.clone();

    let ctx = plan::Context::read(store, inspection, opts)?;
    let plan::Plan {
        map,
        day_order,
        year,
        partner_name,
        partner_id,
        profile,
        overrides,
        signature,
    } = plan::plan(inspection, &ctx, opts)?;
    trace("day order");
    let dialect = src.dialect.clone();
    let encoding = dialect.as_ref().map(|d| d.encoding_label());
    let delimiter = dialect.as_ref().map(|d| d.delimiter_label());

    // A big file into a smaller table loads faster with the report indexes rebuilt
    // afterwards (one sort each) than maintained row by row; duplicates are then
    // caught in memory.
    let estimated = src.estimated_rows();
    // A big import is preceded by a whole backup (kept with the last few of its kind).
    if !opts.dry_run && estimated >= crate::db::backup::IMPORT_ROWS {
        crate::db::backup::create(store, crate::db::backup::Kind::BeforeImport)?;
    }
    let bulk = estimated >= BULK_ROWS && estimated >= ctx.existing_reports.unsigned_abs();
    let settings = BulkLoad::begin(store.conn(), bulk)?;
    let result = load(
        &settings,
        src,
        opts,
        progress,
        &Prepared {
            header: &header,
            header_idx,
            map: &map,
            dates: dates::DateRules {
                order: day_order,
                year,
                today: ctx.today,
            },
            partner_id,
            partner_name: &partner_name,
            overrides: &overrides,
            file_hash,
            encoding: encoding.clone(),
            delimiter: delimiter.clone(),
            signature: &signature,
            profile: profile.as_ref(),
            bulk,
            estimated,
        },
    );
    // Restored whatever the load's outcome (and by the guard's Drop on a panic).
    let restored = settings.restore();
    let (batch, done, partner_display, profile_name, unplaced) = result?;
    restored?;

    Ok(ImportResult {
        batch: (!opts.dry_run).then_some(batch),
        file: src.file_name.clone(),
        format: src.format,
        format_label: src.format.label().to_string(),
        encoding,
        delimiter,
        sheet: src.sheet.clone(),
        sheets: src.sheets.clone(),
        header_line,
        columns: header
            .iter()
            .enumerate()
            .map(|(i, h)| ColumnMapping {
                index: i as u32,
                header: h.clone(),
                field: map.columns.get(&i).copied(),
            })
            .collect(),
        day_order,
        partner: partner_display,
        profile: profile_name,
        rows: done.counts.rows_read,
        inserted: done.counts.inserted,
        duplicates: done.counts.duplicates,
        flagged: done.counts.flagged,
        skipped: done.counts.skipped,
        masked: done.counts.masked,
        unplaced,
        unmapped_categories: done.unmapped.clone(),
        sample: done.sample.clone(),
        issues_total: done.issues_total,
        issues: done.issues.clone(),
        dry_run: opts.dry_run,
        year_note: (done.yearless > 0).then(|| {
            use crate::messages::{YearFrom, year_note};
            use chrono::Datelike;
            let reference = year.reference.to_string();
            year_note(
                done.yearless,
                match year.source {
                    dates::YearSource::FileDates => YearFrom::FileDates(reference),
                    dates::YearSource::Title => YearFrom::Title(year.reference.year()),
                    dates::YearSource::ImportDate => YearFrom::ImportDate(reference),
                },
            )
        }),
    })
}

/// Records of a batch with their line numbers, as the reader hands them to the checker.
type Records = Vec<(u64, csv::StringRecord)>;

/// Rows per message between the import's threads, and messages in flight.
const BATCH_ROWS: usize = 1024;
const CHANNEL_BATCHES: usize = 8;

/// From this many (estimated) rows, and when the file is at least as big as the
/// table, the report indexes are rebuilt after the load instead of kept up to date.
const BULK_ROWS: u64 = 50_000;

/// What `run` worked out before loading.
struct Prepared<'a> {
    header: &'a [String],
    header_idx: usize,
    map: &'a Mapping,
    dates: dates::DateRules,
    partner_id: Option<Id>,
    partner_name: &'a Option<String>,
    overrides: &'a HashMap<String, String>,
    file_hash: &'a str,
    encoding: Option<String>,
    delimiter: Option<String>,
    signature: &'a str,
    profile: Option<&'a import_profile::Profile>,
    /// Rebuild the report indexes after the load instead of keeping them up to date.
    bulk: bool,
    /// The file's rows, estimated from its size (for the bulk decision and progress).
    estimated: u64,
}

type Loaded = (
    Id,
    rows::Done,
    Option<String>,
    Option<String>,
    Vec<UnplacedText>,
);

/// The one transaction: batch, rows, profile; committed unless a dry run.
fn load(
    settings: &BulkLoad,
    src: &source::Source,
    opts: &ImportOptions,
    progress: ProgressFn,
    p: &Prepared,
) -> Result<Loaded> {
    let header = p.header;
    let map = p.map;
    let day_order = p.dates.order;
    let overrides = p.overrides;
    let file = &src.file_name;
    let mut partner_id = p.partner_id;
    let tx = settings.transaction()?;
    // The month counts' triggers would run once per row; the writer counts instead.
    let triggers = report_month::suspend_triggers(&tx)?;
    let search = report_search::suspend(&tx)?;
    if partner_id.is_none()
        && let Some(name) = p.partner_name
    {
        partner_id = Some(partner::insert_partner(&tx, name)?);
    }
    let batch = import_batch::insert_batch(
        &tx,
        &NewBatch {
            file_name: file,
            file_hash: p.file_hash,
            partner_id,
            format: src.format.label(),
            encoding: p.encoding.as_deref(),
            delimiter: p.delimiter.as_deref(),
            sheet: src.sheet.as_deref(),
        },
    )?;

    let (mut checker, mut writer) = rows::loader(
        &tx, batch, header, map, p.dates, partner_id, overrides, opts,
    )?;
    // Bulk: the index definitions are read back, dropped, and re-run verbatim after.
    let dropped = if p.bulk {
        let dropped = settings.drop_report_indexes(&tx)?;
        writer.keys_in_memory(&mut checker)?;
        dropped
    } else {
        Vec::new()
    };
    let checker = stream_rows(
        src,
        p.header_idx + 1,
        checker,
        &mut writer,
        progress,
        u32::try_from(p.estimated).unwrap_or(u32::MAX),
        file,
    );
    let done = writer.finish(checker?);
    trace("rows");
    // A file with a header and no rows under it is refused, not stored as an empty
    // import (the transaction rolls back: nothing of it is kept).
    if done.counts.rows_read == 0 && !opts.dry_run {
        return Err(Message::ImportRefused {
            file: file.to_string(),
            reason: crate::messages::Refusal::NoRows,
        }
        .into());
    }
    settings.rebuild(&tx, &dropped)?;
    report_month::resume(&tx, &done.months, &triggers)?;
    report_search::resume(&tx, &search)?;
    trace("indexes");

    let counts = done.counts;
    // Remember how this partner's file was read.
    let mut profile_name = p.profile.map(|p| p.name.clone()).or(opts.profile.clone());
    let mut profile_id = None;
    if let Some(pid) = partner_id {
        let settings = ProfileSettings {
            columns: map
                .columns
                .iter()
                .map(|(i, f)| (names::key(&header[*i]), *f))
                .collect(),
            categories: overrides.clone().into_iter().collect(),
            day_order,
        };
        let partner_display = partner::get_partner_name(&tx, pid)?;
        let name = profile_name.clone().unwrap_or_else(|| {
            let shape: Vec<&str> = header
                .iter()
                .filter(|h| !h.is_empty())
                .take(4)
                .map(String::as_str)
                .collect();
            format!("{partner_display}: {}", shape.join(", "))
        });
        profile_id = Some(import_profile::upsert_profile(
            &tx,
            &name,
            Some(pid),
            p.signature,
            &settings,
        )?);
        profile_name = Some(name);
    }
    import_batch::update_batch_result(&tx, batch, &counts, profile_id)?;
    let partner_display = partner_id
        .map(|pid| partner::get_partner_name(&tx, pid))
        .transpose()?;
    let unplaced = done.unplaced_with_suggestions(&tx)?;
    trace("profile and queue");
    if opts.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    trace("commit");
    Ok((batch, done, partner_display, profile_name, unplaced))
}

/// Streams the file's rows through the three stages: a reader thread turns the file
/// into record batches, a checker thread turns records into checked rows, and the
/// calling thread stores them in file order with `writer`. Returns the checker (its
/// tallies) once both helper threads are joined.
fn stream_rows(
    src: &source::Source,
    header_rows: usize,
    mut checker: rows::Checker,
    writer: &mut rows::Writer,
    progress: ProgressFn,
    estimated: u32,
    file: &str,
) -> Result<rows::Checker> {
    // Three stages, each on its own thread, handing batches down bounded channels:
    // navet-reader turns the file into records, navet-checker turns records into
    // checked rows, and this thread stores them, in file order. Emptied record batches
    // go back to the reader for reuse. An error or a cancel here drops the channels,
    // which stops the other two at their next batch.
    let reader = src.rows()?;
    std::thread::scope(|scope| -> Result<rows::Checker> {
        let (records_out, records_in) = sync_channel::<Result<Records>>(CHANNEL_BATCHES);
        let (spent_out, spent_in) = std::sync::mpsc::channel::<Records>();
        let (checked_out, checked_in) = sync_channel::<Result<Vec<rows::Checked>>>(CHANNEL_BATCHES);
        let thread_error = |what: &str, e: std::io::Error| {
            Error::from(Message::Storage {
                detail: format!("the import's {what} could not start: {e}"),
            })
        };
        let reading = std::thread::Builder::new()
            .name("navet-reader".into())
            .spawn_scoped(scope, move || {
                let mut reader = reader;
                let mut index = 0usize;
                loop {
                    let mut batch = spent_in.try_recv().unwrap_or_default();
                    let mut filled = 0;
                    let mut end = false;
                    while filled < BATCH_ROWS {
                        if filled == batch.len() {
                            batch.push((0, csv::StringRecord::new()));
                        }
                        let (line, rec) = &mut batch[filled];
                        match reader.read(rec) {
                            Ok(true) => {
                                index += 1;
                                if index > header_rows {
                                    *line = reader.line();
                                    filled += 1;
                                }
                            }
                            Ok(false) => {
                                end = true;
                                break;
                            }
                            Err(e) => {
                                let _ = records_out.send(Err(e));
                                return;
                            }
                        }
                    }
                    batch.truncate(filled);
                    if (!batch.is_empty() && records_out.send(Ok(batch)).is_err()) || end {
                        return;
                    }
                }
            })
            .map_err(|e| thread_error("reader", e))?;
        let checking = std::thread::Builder::new()
            .name("navet-checker".into())
            .spawn_scoped(scope, move || {
                for message in records_in {
                    let records = match message {
                        Ok(records) => records,
                        Err(e) => {
                            let _ = checked_out.send(Err(e));
                            break;
                        }
                    };
                    let checked: Vec<rows::Checked> = records
                        .iter()
                        .filter_map(|(line, rec)| checker.check(rec, *line))
                        .collect();
                    let _ = spent_out.send(records);
                    if checked_out.send(Ok(checked)).is_err() {
                        break;
                    }
                }
                checker
            })
            .map_err(|e| thread_error("checker", e))?;
        // How long this thread waited for the checker (a trace figure: which stage is slower).
        let mut waited = std::time::Duration::ZERO;
        loop {
            let asked = std::time::Instant::now();
            let Ok(message) = checked_in.recv() else {
                break;
            };
            waited += asked.elapsed();
            for checked in message? {
                writer.apply(checked)?;
                let rows = writer.rows();
                if u64::from(rows).is_multiple_of(PROGRESS_EVERY)
                    && !progress(ImportProgress {
                        rows,
                        estimated: estimated.max(rows),
                    })
                {
                    return Err(Message::ImportCancelled {
                        file: file.to_string(),
                    }
                    .into());
                }
            }
        }
        trace_figure("writer waited for checker", waited);
        // A stage that stopped early looks like the end of the file to the next one:
        // both are joined, so a panic fails the import instead of committing a part.
        let stopped = |what: &str| {
            Error::from(Message::Storage {
                detail: format!("the import's {what} stopped unexpectedly"),
            })
        };
        reading.join().map_err(|_| stopped("reader"))?;
        checking.join().map_err(|_| stopped("checker"))
    })
}

/// Reads the date column(s) until a date proves the order (a part above 12).
/// What a file's dates say about themselves: the day order its numeric dates prove,
/// the latest date written with a year, and a year its title rows name.
pub(crate) struct Sniffed {
    pub order: DayOrder,
    pub latest: Option<chrono::NaiveDate>,
    pub title: Option<chrono::NaiveDate>,
}

fn sniff_dates(src: &source::Source, map: &Mapping, header_idx: usize) -> Result<Sniffed> {
    let col = map.column(Field::DateTime).or(map.column(Field::Date));
    let mut out = Sniffed {
        order: DayOrder::DayMonth,
        latest: None,
        title: None,
    };
    let Some(col) = col else {
        return Ok(out);
    };
    let mut reader = src.rows()?;
    let mut rec = csv::StringRecord::new();
    let (mut dm, mut md, mut numeric) = (0u32, 0u32, 0u32);
    let mut i = 0usize;
    while reader.read(&mut rec)? && i < 100_000 {
        i += 1;
        if i <= header_idx {
            // A title row above the header: "Vecka 47 2026".
            if out.title.is_none() {
                out.title = rec.iter().find_map(dates::title_reference);
            }
            continue;
        }
        if i == header_idx + 1 {
            continue;
        }
        // A file whose first thousand dates are all ISO or written out has no order to find.
        let value = rec.get(col).unwrap_or("");
        if let Some(when) = dates::parse(value, DayOrder::DayMonth)
            && out.latest.is_none_or(|l| when.date > l)
        {
            out.latest = Some(when.date);
        }
        if value.contains('/')
            || value
                .split_whitespace()
                .next()
                .is_some_and(|d| d.matches('.').count() == 2)
        {
            numeric += 1;
        }
        if numeric == 0 && i > 1000 {
            break;
        }
        match dates::order_evidence(value) {
            Some(DayOrder::DayMonth) => dm += 1,
            Some(DayOrder::MonthDay) => md += 1,
            None => {}
        }
        if dm + md >= 50 && out.latest.is_some() {
            break;
        }
    }
    out.order = if md > dm {
        DayOrder::MonthDay
    } else {
        DayOrder::DayMonth
    };
    Ok(out)
}
