//! Frozen pictures: saved exactly as presented, listed, and read back unchanged.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::{Picture, SnapshotInfo};
use crate::error::Result;
use crate::messages::Message;

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

/// Freezes `picture` under `title`; returns it with its snapshot identity set.
pub fn insert_snapshot(tx: &Transaction, mut picture: Picture, title: &str) -> Result<Picture> {
    let created = crate::db::now();
    tx.execute(
        "INSERT INTO picture_snapshot (title, period_from, period_to, data, created_at) VALUES (?1, ?2, ?3, '{}', ?4)",
        params![title, picture.from, picture.to, created],
    )?;
    let id = tx.last_insert_rowid();
    picture.snapshot = Some(SnapshotInfo {
        id,
        title: title.to_string(),
        created_at: created,
    });
    let json = serde_json::to_string(&picture).unwrap_or_else(|_| "{}".into());
    tx.execute(
        "UPDATE picture_snapshot SET data = ?2 WHERE id = ?1",
        params![id, json],
    )?;
    Ok(picture)
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

pub fn get_snapshot(conn: &Connection, id: i64) -> Result<Picture> {
    let data: Option<String> = conn
        .query_row(
            "SELECT data FROM picture_snapshot WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let data = data.ok_or(Message::SnapshotNotFound { id })?;
    serde_json::from_str(&data).map_err(|e| {
        Message::Storage {
            detail: e.to_string(),
        }
        .into()
    })
}
