//! Frozen pictures: the picture as presented, stored as JSON with its title and period.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

/// A saved picture in the list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SnapshotListItem {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: i64,
    pub title: String,
    pub from: String,
    pub to: String,
    pub created_at: String,
}

/// Adds a snapshot row with empty data; returns its id. The caller writes the data
/// with [`update_snapshot_data`] once the picture carries that id.
pub fn insert_snapshot(
    tx: &Transaction,
    title: &str,
    from: &str,
    to: &str,
    created_at: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO picture_snapshot (title, period_from, period_to, data, created_at) VALUES (?1, ?2, ?3, '{}', ?4)",
        params![title, from, to, created_at],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update_snapshot_data(tx: &Transaction, id: i64, json: &str) -> Result<()> {
    tx.execute(
        "UPDATE picture_snapshot SET data = ?2 WHERE id = ?1",
        params![id, json],
    )?;
    Ok(())
}

pub fn list_snapshots(conn: &Connection) -> Result<Vec<SnapshotListItem>> {
    let mut stmt = conn.prepare(
        "SELECT id, title, period_from, period_to, created_at FROM picture_snapshot ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SnapshotListItem {
            id: r.get(0)?,
            title: r.get(1)?,
            from: r.get(2)?,
            to: r.get(3)?,
            created_at: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The snapshot's JSON, if the id exists.
pub fn find_snapshot_data(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT data FROM picture_snapshot WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}
