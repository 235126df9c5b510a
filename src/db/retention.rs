//! Gallring (schema 16): raw reports before a cutoff deleted, their counts kept.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::ids::Id;

/// One gallring, as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetentionRun {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub run_at: String,
    /// Reports that happened before this day were removed.
    pub cutoff: String,
    /// The one category, or none for all.
    pub category: Option<String>,
    pub reports_removed: u32,
    /// Versions of those reports kept in their history.
    pub history_removed: u32,
    /// Import problems of imports before the cutoff whose raw row was cleared.
    pub issues_cleared: u32,
}

fn scope(category: Option<Id>) -> (&'static str, Option<Id>) {
    match category {
        Some(c) => ("AND category_id = ?2", Some(c)),
        None => ("AND ?2 IS NULL", None),
    }
}

/// How many reports a gallring with this cutoff would remove.
pub fn count(conn: &Connection, cutoff: &str, category: Option<Id>) -> Result<u32> {
    let (and, c) = scope(category);
    let sql = format!("SELECT count(*) FROM report WHERE occurred_date < ?1 {and}");
    Ok(conn.query_row(&sql, params![cutoff, c], |r| r.get(0))?)
}

/// Removes the reports before `cutoff` (in `category`, or all), their history, and the
/// raw rows of import problems from imports made before it; the month counts stay.
pub fn run(tx: &Transaction, cutoff: &str, category: Option<Id>) -> Result<RetentionRun> {
    let (and, c) = scope(category);
    // The history's copies of those reports, and of deleted reports of that time.
    let (history_and, _) = match category {
        Some(_) => (
            "AND json_extract(coalesce(before, after), '$.categoryId') = ?2",
            (),
        ),
        None => ("AND ?2 IS NULL", ()),
    };
    let history = tx.execute(
        &format!(
            "DELETE FROM report_history
             WHERE report_id IN (SELECT id FROM report WHERE occurred_date < ?1 {and})
                OR (report_id NOT IN (SELECT id FROM report)
                    AND json_extract(coalesce(before, after), '$.date') < ?1 {history_and})"
        ),
        params![cutoff, c],
    )?;
    // The month counts are the aggregates that stay: their triggers rest while the
    // raw reports go (the search index's own trigger removes their words).
    let triggers = super::report_month::suspend_triggers(tx)?;
    let removed = tx.execute(
        &format!("DELETE FROM report WHERE occurred_date < ?1 {and}"),
        params![cutoff, c],
    )?;
    super::report_month::restore_triggers(tx, &triggers)?;
    // A skipped row kept as read may hold anything a partner wrote.
    let cleared = if category.is_none() {
        tx.execute(
            "UPDATE import_issue SET raw = NULL
             WHERE raw IS NOT NULL AND batch_id IN (SELECT id FROM import_batch WHERE created_at < ?1)",
            [cutoff],
        )?
    } else {
        0
    };
    tx.execute(
        "INSERT INTO retention_run (run_at, cutoff, category_id, reports_removed, history_removed, issues_cleared)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            super::now(),
            cutoff,
            category,
            removed as i64,
            history as i64,
            cleared as i64
        ],
    )?;
    let id = tx.last_insert_rowid();
    list(tx)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| rusqlite::Error::QueryReturnedNoRows.into())
}

/// Every gallring, newest first.
pub fn list(conn: &Connection) -> Result<Vec<RetentionRun>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.run_at, r.cutoff, c.name, r.reports_removed, r.history_removed, r.issues_cleared
         FROM retention_run r LEFT JOIN category c ON c.id = r.category_id ORDER BY r.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RetentionRun {
            id: r.get(0)?,
            run_at: r.get(1)?,
            cutoff: r.get(2)?,
            category: r.get(3)?,
            reports_removed: r.get(4)?,
            history_removed: r.get(5)?,
            issues_cleared: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
