//! What was done to a report by hand (`report_history`, schema 10): each edit with the
//! report before and after, each deletion with the whole report, each restore with the
//! deletion it undoes. Snapshots are [`ReportRecord`]s (ids, not names) as JSON.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::report::ReportRecord;
use crate::error::Result;
use crate::ids::Id;
use crate::messages::Message;

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HistoryAction {
    Edit,
    Delete,
    Restore,
}

impl HistoryAction {
    fn word(self) -> &'static str {
        match self {
            HistoryAction::Edit => "edit",
            HistoryAction::Delete => "delete",
            HistoryAction::Restore => "restore",
        }
    }

    fn parse(word: &str) -> HistoryAction {
        match word {
            "delete" => HistoryAction::Delete,
            "restore" => HistoryAction::Restore,
            _ => HistoryAction::Edit,
        }
    }
}

/// One stored change, snapshots read back.
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub id: Id,
    pub report_id: Id,
    pub action: HistoryAction,
    pub before: Option<ReportRecord>,
    pub after: Option<ReportRecord>,
    pub changed_at: String,
}

fn json(r: Option<&ReportRecord>) -> Option<String> {
    r.and_then(|r| serde_json::to_string(r).ok())
}

pub fn insert(
    tx: &Transaction,
    report_id: Id,
    action: HistoryAction,
    before: Option<&ReportRecord>,
    after: Option<&ReportRecord>,
    undoes: Option<Id>,
) -> Result<Id> {
    tx.execute(
        "INSERT INTO report_history (report_id, action, before, after, undoes, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            report_id,
            action.word(),
            json(before),
            json(after),
            undoes,
            super::now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryRow> {
    let action: String = r.get(2)?;
    let before: Option<String> = r.get(3)?;
    let after: Option<String> = r.get(4)?;
    Ok(HistoryRow {
        id: r.get(0)?,
        report_id: r.get(1)?,
        action: HistoryAction::parse(&action),
        before: before.and_then(|b| serde_json::from_str(&b).ok()),
        after: after.and_then(|a| serde_json::from_str(&a).ok()),
        changed_at: r.get(5)?,
    })
}

/// A report's history, oldest first. SQLite may give a new report the number of a
/// deleted one (the highest); the deleted report's entries then stay its own: only a
/// restore of that very deletion carries them over.
pub fn list(conn: &Connection, report_id: Id) -> Result<Vec<HistoryRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, report_id, action, before, after, changed_at, undoes FROM report_history
         WHERE report_id = ?1 ORDER BY id",
    )?;
    let mut rows: Vec<(HistoryRow, Option<Id>)> = stmt
        .query_map([report_id], |r| Ok((row(r)?, r.get(6)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(last_delete) = rows
        .iter()
        .rposition(|(h, _)| h.action == HistoryAction::Delete)
    {
        let deleted = rows[last_delete].0.id;
        let restored_here = rows[last_delete + 1..].first().is_some_and(|(h, undoes)| {
            h.action == HistoryAction::Restore && *undoes == Some(deleted)
        });
        if !restored_here {
            rows.drain(..=last_delete);
        }
    }
    Ok(rows.into_iter().map(|(h, _)| h).collect())
}

/// A deletion that has not been undone yet, with the report it removed.
pub fn restorable(conn: &Connection, id: Id) -> Result<(HistoryRow, ReportRecord)> {
    let found = conn
        .query_row(
            "SELECT id, report_id, action, before, after, changed_at FROM report_history h
             WHERE id = ?1 AND action = 'delete'
               AND NOT EXISTS (SELECT 1 FROM report_history u WHERE u.undoes = h.id)",
            [id],
            row,
        )
        .optional()?;
    match found {
        Some(h) => match h.before.clone() {
            Some(record) => Ok((h, record)),
            None => Err(Message::HistoryNotRestorable { id }.into()),
        },
        None => Err(Message::HistoryNotRestorable { id }.into()),
    }
}
