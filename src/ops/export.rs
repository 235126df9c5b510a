//! Exports: a request ([`ExportRequest`]) run against the store, written, and logged;
//! the export log; the partner template.

use std::path::Path;

use crate::Store;
use crate::db::export_log::{self, ExportEntry};
use crate::db::report::ReportFilter;
use crate::db::{partner, setting};
use crate::error::{Error, Result};
use crate::export::{
    ExportDone, ExportRequest, ExportSource, PictureSource, TableFormat, csv, lagesbild, pdf,
    tables, xlsx,
};
use crate::messages::table as table_words;
use crate::picture::Picture;

fn resolve_picture(store: &Store, source: &PictureSource) -> Result<Picture> {
    match source {
        PictureSource::Period { period } => super::picture::compute(store, period),
        PictureSource::Snapshot { id } => super::picture::saved(store, *id),
    }
}

/// The file name to offer for a request (see [`ExportRequest::suggested_file_name`]).
pub fn suggested_file_name(store: &Store, request: &ExportRequest) -> Result<String> {
    let label = match &request.source {
        ExportSource::Picture {
            picture: PictureSource::Period { period },
        } => Some(period.label()),
        ExportSource::Picture {
            picture: PictureSource::Snapshot { id },
        } => Some(super::picture::saved(store, *id)?.label),
        ExportSource::Reports { .. } => None,
    };
    Ok(request.suggested_file_name(label.as_deref()))
}

/// Writes the requested file to `path` and logs it. A named recipient must be a
/// registered partner (so a place name or a typo is never logged as one).
pub fn run(store: &Store, request: &ExportRequest, path: &Path) -> Result<ExportDone> {
    request.check()?;
    if let Some(name) = request.audience.recipient() {
        partner::get_partner_id(store.conn(), name)?;
    }
    let safe = request.partner_safe();
    let filters = match &request.source {
        ExportSource::Picture { picture } => {
            let picture_data = resolve_picture(store, picture)?;
            match request.format.table() {
                None => write_picture_pdf(store, &picture_data, path, request)?,
                Some(format) => {
                    let table = tables::picture(&picture_data, safe);
                    let about = about(
                        request,
                        &lagesbild::words::title(&picture_data.label),
                        &picture_data.label,
                    );
                    write_table(&table, format, path, table_words::PICTURE_SHEET, &about)?;
                }
            }
            // The log says which rules applied: a partner's PDF with the analysis is
            // recorded as such.
            let mut logged = serde_json::to_value(picture).unwrap_or_default();
            if safe
                && request.analysis_shared()
                && let Some(fields) = logged.as_object_mut()
            {
                fields.insert("withAnalysis".into(), true.into());
            }
            logged
        }
        ExportSource::Reports { filter, by_place } => {
            let filter = &if safe {
                whole_weeks(filter)?
            } else {
                filter.clone()
            };
            let table = if safe {
                partner_safe_reports(store, filter, *by_place)?
            } else {
                let list = super::report::list(
                    store,
                    // Every report the filter selects, not the page on screen.
                    &ReportFilter {
                        limit: None,
                        offset: None,
                        ..filter.clone()
                    },
                )?
                .reports;
                tables::reports(&list)
            };
            // `check` refused a PDF of reports.
            let format = request.format.table().unwrap_or(TableFormat::Csv);
            let about = about(
                request,
                table_words::REPORTS_SHEET,
                &table_words::selection(
                    filter.from.as_deref(),
                    filter.to.as_deref(),
                    filter.area.as_deref(),
                    filter.place.as_deref(),
                    filter.category.as_deref(),
                ),
            );
            write_table(&table, format, path, table_words::REPORTS_SHEET, &about)?;
            serde_json::json!({
                "from": filter.from, "to": filter.to, "place": filter.place, "area": filter.area,
                "category": filter.category, "partner": filter.partner, "byPlace": by_place,
            })
        }
    };
    let bytes = std::fs::metadata(path)
        .map_err(|e| Error::io(path, e))?
        .len();
    let log_id = export_log::insert_export(
        store.conn(),
        &request.log_kind(),
        &file_name(path),
        &filters,
        request.audience.recipient(),
        safe,
    )?;
    Ok(ExportDone {
        path: path.display().to_string(),
        bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
        partner_safe: safe,
        log_id,
    })
}

/// The partner-safe reports table: counted and suppressed over every area, place and
/// category of the whole weeks, and only then narrowed to the area, place or category
/// asked for, so a cell reads the same in every file whatever the filter (else a cell
/// hidden in one file could stand in another). A filter on a place gives the table
/// per place.
fn partner_safe_reports(
    store: &Store,
    filter: &ReportFilter,
    by_place: bool,
) -> Result<tables::ExportTable> {
    // The names are checked as for any list (an unknown area is an error, not nothing).
    crate::db::report::check_filter(store.conn(), filter)?;
    let all = super::report::list(
        store,
        &ReportFilter {
            from: filter.from.clone(),
            to: filter.to.clone(),
            ..Default::default()
        },
    )?
    .reports;
    let asked = |v: &Option<String>| v.as_deref().is_some_and(|p| !p.trim().is_empty());
    let by_place = by_place || asked(&filter.place);
    let mut table = tables::weekly(&all, crate::time::today(), by_place);
    let wanted = |asked: &Option<String>, cell: &tables::Cell| {
        asked
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .is_none_or(|a| crate::names::key(a) == crate::names::key(&cell.as_text()))
    };
    let category = if by_place { 3 } else { 2 };
    table.rows.retain(|row| {
        wanted(&filter.area, &row[1])
            && (!by_place || wanted(&filter.place, &row[2]))
            && wanted(&filter.category, &row[category])
    });
    Ok(table)
}

/// A partner-safe file is built on fixed boundaries only, so that two of them can never
/// be subtracted to reveal a hidden count: its dates are widened to whole ISO weeks
/// (Monday to Sunday); an area, a place or a category selects whole cells.
fn whole_weeks(filter: &ReportFilter) -> Result<ReportFilter> {
    use chrono::Datelike;
    if filter
        .search
        .as_deref()
        .is_some_and(|q| !q.trim().is_empty())
        || filter.batch.is_some()
    {
        return Err(crate::messages::Message::PartnerSafeFreeFilter.into());
    }
    let day = |text: &Option<String>, field: &str| -> Result<Option<chrono::NaiveDate>> {
        text.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(|t| crate::time::parse_date(field, t))
            .transpose()
    };
    let from = day(&filter.from, crate::messages::field::FROM)?
        .map(|d| d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday())));
    let to = day(&filter.to, crate::messages::field::TO)?
        .map(|d| d + chrono::Days::new(u64::from(6 - d.weekday().num_days_from_monday())));
    Ok(ReportFilter {
        from: from.map(|d| d.to_string()),
        to: to.map(|d| d.to_string()),
        ..filter.clone()
    })
}

/// The situation picture as a PDF. A frozen picture carries its freeze time, so it
/// exports to the same document whenever it is exported again.
fn write_picture_pdf(
    store: &Store,
    picture: &Picture,
    path: &Path,
    request: &ExportRequest,
) -> Result<()> {
    let bytes = pdf::render(&picture_document(store, picture, request)?)?;
    crate::export::write_atomically(path, &bytes)
}

/// The lägesbild's PDF document for the reader the request names, dated when the
/// picture was frozen (or computed), so a frozen picture lays out the same every time.
fn picture_document(
    store: &Store,
    picture: &Picture,
    request: &ExportRequest,
) -> Result<pdf::doc::Document> {
    let municipality =
        setting::get_setting(store.conn(), setting::MUNICIPALITY)?.unwrap_or_default();
    let created = picture
        .snapshot
        .as_ref()
        .and_then(|s| unix_of(&s.created_at))
        .or_else(|| unix_of(&picture.generated_at))
        .unwrap_or(0);
    let reader = lagesbild::Reader {
        partner_safe: request.partner_safe(),
        recipient: request.audience.recipient(),
        with_analysis: request.analysis_shared(),
    };
    Ok(lagesbild::document(picture, &municipality, created, reader))
}

/// What the XLSX sheet "Om filen" says: what, which selection, from where, when, for
/// whom, and under which rules.
fn about(request: &ExportRequest, what: &str, selection: &str) -> Vec<(String, String)> {
    let made = lagesbild::words::local_time(&crate::db::now());
    let rules = if request.partner_safe() {
        table_words::RULES_SAFE
    } else {
        table_words::RULES_FULL
    };
    [
        (table_words::ABOUT_WHAT, what),
        (table_words::ABOUT_PERIOD, selection),
        (table_words::ABOUT_SOURCE, table_words::SOURCE_TEXT),
        (table_words::ABOUT_MADE, made.as_str()),
        (
            table_words::ABOUT_RECIPIENT,
            request
                .audience
                .recipient()
                .unwrap_or(table_words::NO_RECIPIENT),
        ),
        (table_words::ABOUT_RULES, rules),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub(crate) fn write_table(
    table: &tables::ExportTable,
    format: TableFormat,
    path: &Path,
    sheet: &str,
    about: &[(String, String)],
) -> Result<()> {
    match format {
        TableFormat::Csv => {
            let rows: Vec<Vec<String>> = table
                .rows
                .iter()
                .map(|r| r.iter().map(tables::Cell::as_text).collect())
                .collect();
            csv::write_file(
                path,
                &table.header,
                rows.iter().map(|r| r.iter().map(String::as_str)),
            )
        }
        TableFormat::Xlsx => xlsx::write_file(path, sheet, table, about),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn unix_of(rfc3339: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|d| d.timestamp())
}

/// The export log, newest first.
pub fn log(store: &Store) -> Result<Vec<ExportEntry>> {
    export_log::list_exports(store.conn())
}

/// Writes the partner template as XLSX or CSV, chosen by the file extension, with the
/// active categories (see [`crate::template`]).
pub fn template(store: &Store, path: &Path) -> Result<()> {
    let categories: Vec<String> = super::categories::list(store)?
        .into_iter()
        .filter(|c| c.active)
        .map(|c| c.name)
        .collect();
    crate::template::write(path, &categories)
}

/// What an archive export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArchiveDone {
    /// The PDF/A, the CSV of the numbers and the metadata file, in that order.
    pub files: Vec<String>,
}

/// Writes a picture for the archive into `dir`: the lägesbild as PDF/A-2b, its numbers
/// (the area × category table) as CSV, and a small metadata file (JSON: what, which
/// period, when, by which Navet and schema, and each file's size and SHA-256), each
/// written whole or not at all; logged.
pub fn archive(store: &Store, source: &PictureSource, dir: &Path) -> Result<ArchiveDone> {
    use sha2::{Digest, Sha256};
    let picture = resolve_picture(store, source)?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let request = ExportRequest {
        source: ExportSource::Picture {
            picture: source.clone(),
        },
        format: crate::export::ExportFormat::Pdf,
        audience: crate::export::Audience::Internal,
        with_analysis: None,
    };
    let stem = request
        .suggested_file_name(Some(&picture.label))
        .trim_end_matches(".pdf")
        .to_string();
    let document = picture_document(store, &picture, &request)?;
    let municipality =
        setting::get_setting(store.conn(), setting::MUNICIPALITY)?.unwrap_or_default();
    let pdf_path = dir.join(format!("{stem}.pdf"));
    crate::export::write_atomically(&pdf_path, &pdf::render_archival(&document)?)?;
    let csv_path = dir.join(format!("{stem}.csv"));
    let table = tables::picture(&picture, false);
    write_table(
        &table,
        TableFormat::Csv,
        &csv_path,
        table_words::PICTURE_SHEET,
        &[],
    )?;
    let mut files = Vec::new();
    for path in [&pdf_path, &csv_path] {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let digest = Sha256::digest(&bytes);
        files.push(serde_json::json!({
            "name": file_name(path),
            "bytes": bytes.len(),
            "sha256": digest.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        }));
    }
    let meta = serde_json::json!({
        "title": lagesbild::words::title(&picture.label),
        "municipality": municipality,
        "from": picture.from,
        "to": picture.to,
        "snapshot": picture.snapshot.as_ref().map(|s| s.id),
        "created": picture.snapshot.as_ref().map_or(picture.generated_at.clone(), |s| s.created_at.clone()),
        "standard": "PDF/A-2b",
        "navet": env!("CARGO_PKG_VERSION"),
        "schema": crate::db::migrations::ALL.len(),
        "files": files,
    });
    let meta_path = dir.join(format!("{stem}.json"));
    let text = serde_json::to_string_pretty(&meta).map_err(|e| crate::Message::Storage {
        detail: e.to_string(),
    })?;
    crate::export::write_atomically(&meta_path, text.as_bytes())?;
    export_log::insert_export(
        store.conn(),
        table_words::ARCHIVE_KIND,
        &file_name(&pdf_path),
        &serde_json::to_value(source).unwrap_or_default(),
        None,
        false,
    )?;
    Ok(ArchiveDone {
        files: [pdf_path, csv_path, meta_path]
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
    })
}
