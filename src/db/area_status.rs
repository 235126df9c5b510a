//! Every status an area was given, with its period, justification and time (schema 12):
//! the status history of the year.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusEntry {
    pub area: String,
    pub from: String,
    pub to: String,
    pub status: String,
    pub justification: String,
    /// RFC 3339 UTC.
    pub saved_at: String,
}

pub fn insert(
    tx: &Transaction,
    area: &str,
    from: &str,
    to: &str,
    status: &str,
    justification: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO area_status_history (area, period_from, period_to, status, justification, saved_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![area, from, to, status, justification, super::now()],
    )?;
    Ok(())
}

/// The statuses of periods that end on or after `from` and start on or before `to`,
/// for one area or all, in time order.
pub fn list(
    conn: &Connection,
    area: Option<&str>,
    from: &str,
    to: &str,
) -> Result<Vec<StatusEntry>> {
    let mut stmt = conn.prepare(
        "SELECT area, period_from, period_to, status, justification, saved_at
         FROM area_status_history
         WHERE (?1 IS NULL OR area = ?1) AND period_to >= ?2 AND period_from <= ?3
         ORDER BY period_from, saved_at, id",
    )?;
    let rows = stmt.query_map(params![area, from, to], |r| {
        Ok(StatusEntry {
            area: r.get(0)?,
            from: r.get(1)?,
            to: r.get(2)?,
            status: r.get(3)?,
            justification: r.get(4)?,
            saved_at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
