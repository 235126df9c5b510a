//! Reports typed by a user, listed and counted; edited, deleted and restored by hand,
//! every such change kept in the report's history.

use serde::Serialize;
use ts_rs::TS;

use crate::Store;
use crate::db::named;
use crate::db::report::{self, NewReport, Report, ReportFilter, ReportPage, ReportRecord};
use crate::db::report_history::{self, HistoryAction};
use crate::error::Result;
use crate::ids::Id;
use crate::messages::{Kind, field};
use crate::pii;

/// The form's texts with personnummer and phone numbers masked, as in an import: a
/// form is one more way text enters.
fn masked(new: &NewReport) -> NewReport {
    NewReport {
        text: new
            .text
            .as_deref()
            .map(|t| pii::mask(&crate::names::clean_text(t)).0),
        assessment: new
            .assessment
            .as_deref()
            .map(|a| pii::mask(&crate::names::clean_text(a)).0),
        ..new.clone()
    }
}

/// Adds a report and returns it as stored.
pub fn add(store: &mut Store, new: &NewReport) -> Result<Report> {
    let masked = masked(new);
    store.write(|tx| {
        let id = report::insert_report(tx, &masked)?;
        report::get_report(tx, id)
    })
}

/// Changes a report to what the form says (masked as when added); the history keeps
/// it as it was and as it became.
pub fn edit(store: &mut Store, id: Id, new: &NewReport) -> Result<Report> {
    let masked = masked(new);
    store.write(|tx| {
        let before = report::get_record(tx, id)?;
        report::update_report(tx, id, &masked)?;
        let after = report::get_record(tx, id)?;
        if before != after {
            report_history::insert(
                tx,
                id,
                HistoryAction::Edit,
                Some(&before),
                Some(&after),
                None,
            )?;
        }
        report::get_report(tx, id)
    })
}

/// Deletes a report, keeping it whole in the history; returns the history entry that
/// [`restore`] takes to bring it back.
pub fn delete(store: &mut Store, id: Id) -> Result<Id> {
    store.write(|tx| {
        let before = report::get_record(tx, id)?;
        let entry =
            report_history::insert(tx, id, HistoryAction::Delete, Some(&before), None, None)?;
        report::delete_report(tx, id)?;
        Ok(entry)
    })
}

/// Brings a deleted report back (under a new number; its history says which) and
/// returns it. A deletion is restored once.
pub fn restore(store: &mut Store, history_id: Id) -> Result<Report> {
    store.write(|tx| {
        let (_, record) = report_history::restorable(tx, history_id)?;
        let id = report::insert_record(tx, &record)?;
        report_history::insert(
            tx,
            id,
            HistoryAction::Restore,
            None,
            Some(&record),
            Some(history_id),
        )?;
        report::get_report(tx, id)
    })
}

/// One field that an edit changed, in the words the form uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// One entry of a report's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HistoryEntry {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub action: HistoryAction,
    /// RFC 3339 UTC.
    pub changed_at: String,
    /// What an edit changed (empty for a deletion or a restore).
    pub changes: Vec<FieldChange>,
}

/// A report's history, oldest first, with each edit as the fields it changed.
pub fn history(store: &Store, id: Id) -> Result<Vec<HistoryEntry>> {
    let conn = store.conn();
    let places = named::id_names(conn, Kind::Place)?;
    let categories = named::id_names(conn, Kind::Category)?;
    let partners = named::id_names(conn, Kind::Partner)?;
    let name = |map: &std::collections::HashMap<Id, String>, id: Option<Id>| {
        id.and_then(|i| map.get(&i).cloned()).unwrap_or_default()
    };
    let fields = |r: &ReportRecord| -> Vec<(&'static str, String)> {
        vec![
            (field::DATE, r.date.to_string()),
            (
                field::TIME,
                r.time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
            ),
            (field::PLACE, name(&places, r.place_id)),
            (field::CATEGORY, name(&categories, Some(r.category_id))),
            (field::PARTNER, name(&partners, Some(r.partner_id))),
            (field::COUNT, r.count.to_string()),
            (field::ASSESSMENT, r.assessment.clone().unwrap_or_default()),
            (field::DESCRIPTION, r.text.clone()),
        ]
    };
    Ok(report_history::list(conn, id)?
        .into_iter()
        .map(|h| {
            let changes = match (&h.before, &h.after) {
                (Some(b), Some(a)) => fields(b)
                    .into_iter()
                    .zip(fields(a))
                    .filter(|((_, x), (_, y))| x != y)
                    .map(|((f, x), (_, y))| FieldChange {
                        field: f.to_string(),
                        before: x,
                        after: y,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            HistoryEntry {
                id: h.id,
                action: h.action,
                changed_at: h.changed_at,
                changes,
            }
        })
        .collect())
}

/// One report by its number.
pub fn get(store: &Store, id: Id) -> Result<Report> {
    report::get_record(store.conn(), id)?;
    report::get_report(store.conn(), id)
}

pub fn list(store: &Store, filter: &ReportFilter) -> Result<ReportPage> {
    report::list_reports(store.conn(), filter)
}

pub fn count(store: &Store) -> Result<i64> {
    report::count_reports(store.conn())
}
