//! Public-records extracts (utlämnande av allmän handling): chosen reports as CSV or
//! XLSX for a request from the public, with personal data masked again on the way out
//! (reports from before masking existed, or typed where masking does not reach), free
//! text (description, assessment, the partner's own place text) only when chosen, and
//! every extract logged with the request's reference.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::db::report::{Report, ReportFilter};
use crate::error::Result;
use crate::export::TableFormat;
use crate::export::tables::{self, Cell, ExportTable};
use crate::ids::Id;
use crate::messages::{Message, field, records as words, table as table_words};
use crate::pii;

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExtractRequest {
    /// The reports the filter selects (ignored when `ids` names some).
    #[serde(default)]
    pub filter: ReportFilter,
    /// These reports, by number.
    #[serde(default)]
    #[ts(type = "string[]")]
    pub ids: Vec<Id>,
    /// Include the free text (masked): description, assessment, the partner's place text.
    #[serde(default)]
    pub with_text: bool,
    /// The request's reference (diarienummer, or who asked and when); required.
    pub reference: String,
    /// Who receives it, if named.
    #[ts(optional)]
    pub recipient: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExtractDone {
    pub path: String,
    pub rows: u32,
    /// Texts in which personal data was masked on the way out.
    pub masked: u32,
}

fn mask(text: &str, masked: &mut u32) -> String {
    let (out, found) = pii::mask(text);
    if found.any() {
        *masked += 1;
    }
    out
}

/// The extract's table: the report's number first, so the reply can refer to a row.
fn table(list: &[Report], with_text: bool) -> (ExportTable, u32) {
    let mut masked = 0;
    let mut header = vec![
        words::COL_NUMBER,
        field::DATE,
        field::TIME,
        field::PLACE,
        field::AREA,
        field::CATEGORY,
        field::PARTNER,
        field::COUNT,
    ];
    if with_text {
        header.extend([field::ASSESSMENT, field::DESCRIPTION]);
    }
    let base = tables::reports(list);
    let rows = list
        .iter()
        .zip(base.rows)
        .map(|(r, cells)| {
            let mut cells: Vec<Cell> = cells;
            // [date, time, place, area, category, partner, count, assessment, text]
            let place = match (&r.place, with_text) {
                (Some(p), _) => p.clone(),
                (None, true) => mask(r.source_place.as_deref().unwrap_or_default(), &mut masked),
                (None, false) => String::new(),
            };
            cells[2] = Cell::Text(place);
            if with_text {
                cells[7] = Cell::Text(mask(
                    r.assessment.as_deref().unwrap_or_default(),
                    &mut masked,
                ));
                cells[8] = Cell::Text(mask(&r.text, &mut masked));
            } else {
                cells.truncate(7);
            }
            let mut row = vec![Cell::Number(r.id as f64)];
            row.extend(cells);
            row
        })
        .collect();
    (ExportTable { header, rows }, masked)
}

/// Writes the extract to `path` (`.csv` or `.xlsx`) and logs it.
pub fn extract(store: &Store, request: &ExtractRequest, path: &Path) -> Result<ExtractDone> {
    let reference = request.reference.trim();
    if reference.is_empty() {
        return Err(Message::Required {
            field: words::REFERENCE.into(),
        }
        .into());
    }
    let Some(format) = TableFormat::of_path(path) else {
        return Err(Message::File {
            path: path.display().to_string(),
            detail: words::WRONG_EXTENSION.into(),
        }
        .into());
    };
    let list: Vec<Report> = if request.ids.is_empty() {
        super::report::list(
            store,
            &ReportFilter {
                limit: None,
                offset: None,
                ..request.filter.clone()
            },
        )?
        .reports
    } else {
        request
            .ids
            .iter()
            .map(|&id| super::report::get(store, id))
            .collect::<Result<_>>()?
    };
    let (table, masked) = table(&list, request.with_text);
    let recipient = request
        .recipient
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let about: Vec<(String, String)> = [
        (table_words::ABOUT_WHAT, words::WHAT.to_string()),
        (words::ABOUT_REFERENCE, reference.to_string()),
        (
            table_words::ABOUT_MADE,
            crate::export::lagesbild::words::local_time(&crate::db::now()),
        ),
        (
            table_words::ABOUT_RECIPIENT,
            recipient.unwrap_or(table_words::NO_RECIPIENT).to_string(),
        ),
        (
            table_words::ABOUT_RULES,
            if request.with_text {
                words::RULES_WITH_TEXT
            } else {
                words::RULES_NO_TEXT
            }
            .to_string(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    super::export::write_table(&table, format, path, words::SHEET, &about)?;
    let filters = serde_json::json!({
        "reference": reference,
        "ids": request.ids,
        "withText": request.with_text,
        "from": request.filter.from, "to": request.filter.to,
        "place": request.filter.place, "area": request.filter.area,
        "category": request.filter.category, "partner": request.filter.partner,
        "rows": list.len(),
    });
    super::law::log_document(store, words::LOG_KIND, path, &filters, recipient)?;
    Ok(ExtractDone {
        path: path.display().to_string(),
        rows: u32::try_from(list.len()).unwrap_or(u32::MAX),
        masked,
    })
}
