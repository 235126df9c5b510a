//! The law's documents (lag 2023:196): the long-period lägesbild in the law's parts,
//! with the other knowledge sources and the coordinator's texts, and the åtgärdsplan.
//! Both can carry a distribution list, which their cover names and the export log
//! records.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::db::knowledge_source::{self, NewSource, Source};
use crate::db::setting;
use crate::error::Result;
use crate::ids::Id;
use crate::picture::{Period, PeriodKind};

/// The setting that holds the coordinator's text on the consequences.
pub const CONSEQUENCES: &str = "law_consequences";
/// The setting that holds the coordinator's analysis of causes.
pub const CAUSES: &str = "law_causes";

/// Which long-period lägesbild to make.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LawRequest {
    /// The last month, `YYYY-MM`; default the last whole month.
    #[ts(optional)]
    pub last_month: Option<String>,
    /// How many months; default 12.
    #[ts(optional)]
    pub months: Option<u32>,
    /// Who it is for: partners, groups.
    #[serde(default)]
    pub to: Vec<String>,
    /// Written as archival PDF/A-2b.
    #[serde(default)]
    pub archival: bool,
}

/// The coordinator's own parts of the law's lägesbild.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LawTexts {
    pub consequences: String,
    pub causes: String,
}

pub fn add_source(store: &mut Store, new: &NewSource) -> Result<Source> {
    let mask = |t: &str| crate::pii::mask(t).0;
    let masked = NewSource {
        title: mask(&new.title),
        source: mask(&new.source),
        summary: mask(&new.summary),
        figure_label: mask(&new.figure_label),
        figure_value: mask(&new.figure_value),
        ..new.clone()
    };
    store
        .write(|tx| {
            let id = knowledge_source::insert_source(tx, &masked)?;
            Ok(knowledge_source::list_sources(tx)?
                .into_iter()
                .find(|s| s.id == id))
        })?
        .ok_or_else(|| crate::messages::Message::SourceNotFound { id: 0 }.into())
}

pub fn sources(store: &Store) -> Result<Vec<Source>> {
    knowledge_source::list_sources(store.conn())
}

pub fn delete_source(store: &mut Store, id: Id) -> Result<()> {
    store.write(|tx| knowledge_source::delete_source(tx, id))
}

pub fn texts(store: &Store) -> Result<LawTexts> {
    let get = |k| setting::get_setting(store.conn(), k).map(Option::unwrap_or_default);
    Ok(LawTexts {
        consequences: get(CONSEQUENCES)?,
        causes: get(CAUSES)?,
    })
}

pub fn set_texts(store: &mut Store, texts: &LawTexts) -> Result<()> {
    let consequences = crate::pii::mask(&texts.consequences).0;
    let causes = crate::pii::mask(&texts.causes).0;
    store.write(|tx| {
        setting::set_setting(tx, CONSEQUENCES, &consequences)?;
        setting::set_setting(tx, CAUSES, &causes)
    })
}

/// The months a request covers: its first and last day, and each month's period.
fn months(request: &LawRequest, today: NaiveDate) -> Result<Vec<Period>> {
    let n = request.months.unwrap_or(12).clamp(1, 60);
    let last_day = match request
        .last_month
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
    {
        Some(m) => crate::time::parse_date(crate::messages::field::TO, &format!("{m}-01"))?,
        None => today.with_day(1).unwrap_or(today) - chrono::Duration::days(1),
    };
    let last = Period::containing(PeriodKind::Month, last_day);
    Ok((0..n).rev().map(|k| last.back(k)).collect())
}

/// Lays out a document (as archival PDF/A-2b if asked), writes it to `path` whole or not
/// at all, and records it in the export log with what it covers and who it is for.
pub fn deliver(
    store: &Store,
    document: &crate::export::pdf::doc::Document,
    path: &Path,
    kind: &str,
    filters: &serde_json::Value,
    to: Option<&str>,
    archival: bool,
) -> Result<()> {
    let bytes = if archival {
        crate::export::pdf::render_archival(document)?
    } else {
        crate::export::pdf::render(document)?
    };
    crate::export::write_atomically(path, &bytes)?;
    log_document(store, kind, path, filters, to)
}

/// Writes the long-period lägesbild to `path` (PDF) and logs it with its recipients.
pub fn lagesbild_pdf(
    store: &Store,
    request: &LawRequest,
    today: NaiveDate,
    path: &Path,
) -> Result<()> {
    let (document, from, to) = lagesbild_document(store, request, today)?;
    deliver(
        store,
        &document,
        path,
        crate::export::law_picture::words::LOG_KIND,
        &serde_json::json!({ "from": from, "to": to }),
        distribution(&request.to).as_deref(),
        request.archival,
    )
}

/// The long-period lägesbild as a document, with its first and last day.
pub fn lagesbild_document(
    store: &Store,
    request: &LawRequest,
    today: NaiveDate,
) -> Result<(crate::export::pdf::doc::Document, String, String)> {
    use crate::export::law_picture::{self, LawData};
    let months = months(request, today)?;
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Err(crate::messages::Message::Required {
            field: crate::messages::field::TO.into(),
        }
        .into());
    };
    let period = Period::range(first.from, last.to)?;
    let picture = super::picture::compute(store, &period)?;
    let n = u32::try_from(months.len()).unwrap_or(12);
    let before_period = Period::range(first.back(n).from, first.back(1).to)?;
    let before = super::picture::compute(store, &before_period)?;
    // Each month's own picture: its total counts an incident two partners reported once,
    // as the period's total does, so the months add up to it.
    let first_report = crate::db::picture_queries::first_report_date(store.conn())?;
    let month_rows = months
        .iter()
        .map(|m| {
            let reached = first_report
                .as_deref()
                .is_some_and(|f| f <= m.to.to_string().as_str());
            let total = if reached {
                Some(super::picture::compute(store, m)?.total)
            } else {
                None
            };
            Ok((m.label(), total))
        })
        .collect::<Result<Vec<_>>>()?;
    let statuses = super::year::status_history(store, None, &picture.from, &picture.to)?;
    let sources: Vec<Source> = sources(store)?
        .into_iter()
        .filter(|s| s.date.as_str() <= picture.to.as_str())
        .collect();
    let texts = texts(store)?;
    let municipality =
        setting::get_setting(store.conn(), setting::MUNICIPALITY)?.unwrap_or_default();
    let to = distribution(&request.to);
    let now = crate::db::now();
    let document = law_picture::document(&LawData {
        municipality: &municipality,
        to: to.as_deref(),
        picture: &picture,
        before: &before,
        months: &month_rows,
        first_report: first_report.as_deref(),
        statuses: &statuses,
        sources: &sources,
        consequences: &texts.consequences,
        causes: &texts.causes,
        made: &crate::export::lagesbild::words::local_time(&now),
        created_unix: chrono::Utc::now().timestamp(),
    });
    Ok((document, picture.from, picture.to))
}

/// What the long-period lägesbild's file is called:
/// "lägesbild-enligt-lag-2025-11-2026-10.pdf".
pub fn lagesbild_file_name(request: &LawRequest, today: NaiveDate) -> Result<String> {
    let months = months(request, today)?;
    let ym = |p: Option<&Period>| p.map(|p| p.from.format("%Y-%m").to_string());
    Ok(format!(
        "lägesbild-enligt-lag-{}-{}.pdf",
        ym(months.first()).unwrap_or_default(),
        ym(months.last()).unwrap_or_default()
    ))
}

/// Writes the åtgärdsplan to `path` (PDF) and logs it with its recipients.
pub fn plan_pdf(store: &Store, to: &[String], path: &Path) -> Result<()> {
    plan_pdf_as(store, to, false, path)
}

/// The åtgärdsplan, as archival PDF/A-2b when `archival`.
pub fn plan_pdf_as(store: &Store, to: &[String], archival: bool, path: &Path) -> Result<()> {
    let list = super::insatser::list(store)?;
    let municipality =
        setting::get_setting(store.conn(), setting::MUNICIPALITY)?.unwrap_or_default();
    let to = distribution(to);
    let now = crate::db::now();
    let document = crate::export::action_plan::document(
        &list,
        &municipality,
        to.as_deref(),
        &crate::export::lagesbild::words::local_time(&now),
        chrono::Utc::now().timestamp(),
    );
    deliver(
        store,
        &document,
        path,
        crate::export::action_plan::LOG_KIND,
        &serde_json::json!({}),
        to.as_deref(),
        archival,
    )
}

/// What the åtgärdsplan's file is called.
pub fn plan_file_name(today: NaiveDate) -> String {
    format!("åtgärdsplan-{today}.pdf")
}

/// A distribution list as one line ("Polisen, Operativ grupp"), or none.
pub fn distribution(to: &[String]) -> Option<String> {
    let to: Vec<&str> = to
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    (!to.is_empty()).then(|| to.join(", "))
}

/// Records a document in the export log: what it is, its file, what it covers and who
/// it is for.
pub fn log_document(
    store: &Store,
    kind: &str,
    path: &Path,
    filters: &serde_json::Value,
    to: Option<&str>,
) -> Result<()> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::db::export_log::insert_export(store.conn(), kind, &file, filters, to, false)?;
    Ok(())
}
