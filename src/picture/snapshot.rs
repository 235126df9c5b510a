//! Frozen pictures: saved exactly as presented, listed, and read back unchanged.

use rusqlite::{Connection, Transaction};

use super::{Picture, SnapshotInfo};
use crate::db::picture_snapshot;
use crate::error::Result;
use crate::messages::Message;

pub use crate::db::picture_snapshot::SnapshotListItem;

/// Freezes `picture` under `title`; returns it with its snapshot identity set.
pub fn insert_snapshot(tx: &Transaction, mut picture: Picture, title: &str) -> Result<Picture> {
    let created = crate::db::now();
    let id = picture_snapshot::insert_snapshot(tx, title, &picture.from, &picture.to, &created)?;
    picture.snapshot = Some(SnapshotInfo {
        id,
        title: title.to_string(),
        created_at: created,
    });
    let json = serde_json::to_string(&picture).unwrap_or_else(|_| "{}".into());
    picture_snapshot::update_snapshot_data(tx, id, &json)?;
    Ok(picture)
}

pub fn list_snapshots(conn: &Connection) -> Result<Vec<SnapshotListItem>> {
    picture_snapshot::list_snapshots(conn)
}

pub fn get_snapshot(conn: &Connection, id: i64) -> Result<Picture> {
    let data = picture_snapshot::find_snapshot_data(conn, id)?;
    let data = data.ok_or(Message::SnapshotNotFound { id })?;
    serde_json::from_str(&data).map_err(|e| {
        Message::Storage {
            detail: e.to_string(),
        }
        .into()
    })
}
