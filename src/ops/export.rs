//! Exports: a request ([`ExportRequest`]) run against the store, written, and logged;
//! the export log; the partner template.

use std::path::Path;

use crate::Store;
use crate::db::export_log::{self, ExportEntry};
use crate::db::report::ReportFilter;
use crate::db::{partner as partner_db, setting};
use crate::error::{Error, Result};
use crate::export::{
    ExportDone, ExportRequest, ExportSource, PictureSource, TableFormat, csv, lagesbild, partner,
    pdf, tables, xlsx,
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
    run_at(store, request, path, crate::time::today())
}

/// [`run`] as on `today`, which decides which weeks are over (a partner's file shows
/// complete weeks only).
pub fn run_at(
    store: &Store,
    request: &ExportRequest,
    path: &Path,
    today: chrono::NaiveDate,
) -> Result<ExportDone> {
    request.check()?;
    if let Some(name) = request.audience.recipient() {
        partner_db::get_partner_id(store.conn(), name)?;
    }
    let safe = request.partner_safe();
    let filters = match &request.source {
        ExportSource::Picture { picture } => {
            let picture_data = resolve_picture(store, picture)?;
            // A partner's numbers are released weeks only, the same in every file.
            let view = if safe {
                let day = |t: &str| crate::time::parse_date(crate::messages::field::FROM, t);
                Some(partner::picture_view(
                    store.conn(),
                    day(&picture_data.from)?,
                    day(&picture_data.to)?,
                    today,
                    true,
                )?)
            } else {
                None
            };
            match request.format.table() {
                None => write_picture_pdf(store, &picture_data, view.as_ref(), path, request)?,
                Some(format) => {
                    let table = match &view {
                        Some(v) => partner::picture_table(v),
                        None => tables::picture(&picture_data),
                    };
                    let about = about(
                        request,
                        &lagesbild::words::title(&picture_data.label),
                        &picture_data.label,
                        view.as_ref().map(|v| v.weeks.as_slice()),
                    );
                    write_table(&table, format, path, table_words::PICTURE_SHEET, &about)?;
                }
            }
            // The log says which rules applied: a partner's PDF with the analysis is
            // recorded as such.
            let mut logged = serde_json::to_value(picture).unwrap_or_default();
            if let (Some(v), Some(fields)) = (&view, logged.as_object_mut()) {
                fields.insert("weeks".into(), v.weeks.clone().into());
            }
            if safe
                && request.analysis_shared()
                && let Some(fields) = logged.as_object_mut()
            {
                fields.insert("withAnalysis".into(), true.into());
            }
            logged
        }
        ExportSource::Reports { filter, by_place } => {
            let mut weeks = None;
            let table = if safe {
                let (table, covered) = partner_safe_reports(store, filter, *by_place, today)?;
                weeks = Some(covered);
                table
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
                weeks.as_deref(),
            );
            write_table(&table, format, path, table_words::REPORTS_SHEET, &about)?;
            serde_json::json!({
                "from": filter.from, "to": filter.to, "place": filter.place, "area": filter.area,
                "category": filter.category, "partner": filter.partner, "byPlace": by_place,
                "weeks": weeks,
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

/// The partner-safe reports table and the weeks it covers: the released cells of every
/// complete week that overlaps the filter's dates, narrowed to whole cells (an area, a
/// place, a category), so a cell reads the same in every file whatever the filter. A
/// filter on a place gives the table per place. Words, an import or a partner select
/// no whole cells and are refused.
fn partner_safe_reports(
    store: &Store,
    filter: &ReportFilter,
    by_place: bool,
    today: chrono::NaiveDate,
) -> Result<(tables::ExportTable, Vec<String>)> {
    use crate::db::named;
    use crate::messages::{Kind, field};
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    if given(&filter.search).is_some() || filter.batch.is_some() || given(&filter.partner).is_some()
    {
        return Err(crate::messages::Message::PartnerSafeFreeFilter.into());
    }
    // The names are checked as for any list (an unknown area is an error, not nothing).
    crate::db::report::check_filter(store.conn(), filter)?;
    let conn = store.conn();
    let day = |text: &Option<String>, field: &str| -> Result<Option<chrono::NaiveDate>> {
        given(text)
            .map(|t| crate::time::parse_date(field, &t))
            .transpose()
    };
    let first = crate::db::picture_queries::first_report_date(conn)?
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .unwrap_or(today);
    let from = day(&filter.from, field::FROM)?.unwrap_or(first);
    let to = day(&filter.to, field::TO)?.unwrap_or(today);
    let weeks = partner::weeks_of(from, to, today)?;
    let released = crate::export::release::released(conn, &weeks, true)?;
    let id = |kind: Kind, field: &str, v: &Option<String>| -> Result<Option<i64>> {
        given(v)
            .map(|name| named::get_id(conn, kind, field, &name))
            .transpose()
    };
    let only = partner::Narrowing {
        area: id(Kind::Area, field::AREA, &filter.area)?,
        place: id(Kind::Place, field::PLACE, &filter.place)?,
        category: id(Kind::Category, field::CATEGORY, &filter.category)?,
    };
    let by_place = by_place || only.place.is_some();
    let names = partner::Names::load(conn)?;
    Ok((
        partner::weekly_table(&released, &names, by_place, &only),
        weeks,
    ))
}

/// The situation picture as a PDF. A frozen picture carries its freeze time, so it
/// exports to the same document whenever it is exported again.
fn write_picture_pdf(
    store: &Store,
    picture: &Picture,
    view: Option<&partner::PartnerPicture>,
    path: &Path,
    request: &ExportRequest,
) -> Result<()> {
    let bytes = pdf::render(&picture_document(store, picture, view, request)?)?;
    crate::export::write_atomically(path, &bytes)
}

/// The lägesbild's PDF document for the reader the request names, dated when the
/// picture was frozen (or computed), so a frozen picture lays out the same every time.
fn picture_document(
    store: &Store,
    picture: &Picture,
    view: Option<&partner::PartnerPicture>,
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
        recipient: request.audience.recipient(),
        with_analysis: request.analysis_shared(),
    };
    Ok(match view {
        Some(view) => lagesbild::partner_document(picture, view, &municipality, created, reader),
        None => lagesbild::document(picture, &municipality, created, reader),
    })
}

/// What the XLSX sheet "Om filen" says: what, which selection, from where, when, for
/// whom, and under which rules.
fn about(
    request: &ExportRequest,
    what: &str,
    selection: &str,
    weeks: Option<&[String]>,
) -> Vec<(String, String)> {
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
    .chain(weeks.into_iter().flat_map(|w| {
        let span = match (w.first(), w.last()) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        [
            (table_words::ABOUT_WEEKS, span),
            (table_words::ABOUT_HIDDEN, table_words::HIDDEN_TEXT.into()),
            (table_words::ABOUT_LOCKED, table_words::LOCKED_TEXT.into()),
        ]
        .map(|(k, v)| (k.to_string(), v))
    }))
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
    let document = picture_document(store, &picture, None, &request)?;
    let municipality =
        setting::get_setting(store.conn(), setting::MUNICIPALITY)?.unwrap_or_default();
    let pdf_path = dir.join(format!("{stem}.pdf"));
    crate::export::write_atomically(&pdf_path, &pdf::render_archival(&document)?)?;
    let csv_path = dir.join(format!("{stem}.csv"));
    let table = tables::picture(&picture);
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
