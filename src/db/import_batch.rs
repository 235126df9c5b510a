//! Import batches: one per imported file, with its counts, its problems, and undo.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::ids::Id;
use crate::messages::Message;

/// A batch as `imports list` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Batch {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: Id,
    pub file_name: String,
    pub file_hash: String,
    pub partner: Option<String>,
    pub profile: Option<String>,
    pub format: String,
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    pub sheet: Option<String>,
    pub rows_read: u32,
    pub inserted: u32,
    pub duplicates: u32,
    pub flagged: u32,
    pub skipped: u32,
    pub masked: u32,
    pub created_at: String,
    pub undone_at: Option<String>,
}

/// What the batch row records at the start of an import.
pub struct NewBatch<'a> {
    pub file_name: &'a str,
    pub file_hash: &'a str,
    pub partner_id: Option<Id>,
    pub format: &'a str,
    pub encoding: Option<&'a str>,
    pub delimiter: Option<&'a str>,
    pub sheet: Option<&'a str>,
}

/// The counts written when the import is done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub rows_read: u32,
    pub inserted: u32,
    pub duplicates: u32,
    pub flagged: u32,
    pub skipped: u32,
    pub masked: u32,
}

pub fn insert_batch(tx: &Transaction, b: &NewBatch) -> Result<Id> {
    tx.execute(
        "INSERT INTO import_batch (file_name, file_hash, partner_id, format, encoding, delimiter, sheet, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![b.file_name, b.file_hash, b.partner_id, b.format, b.encoding, b.delimiter, b.sheet, super::now()],
    )?;
    Ok(tx.last_insert_rowid())
}

pub fn update_batch_result(
    tx: &Transaction,
    id: Id,
    c: &Counts,
    profile_id: Option<Id>,
) -> Result<()> {
    tx.execute(
        "UPDATE import_batch SET rows_read = ?2, inserted = ?3, duplicates = ?4, flagged = ?5,
                skipped = ?6, masked = ?7, profile_id = ?8 WHERE id = ?1",
        params![
            id,
            c.rows_read,
            c.inserted,
            c.duplicates,
            c.flagged,
            c.skipped,
            c.masked,
            profile_id
        ],
    )?;
    Ok(())
}

pub fn insert_issue(
    tx: &Transaction,
    batch: Id,
    line: u64,
    column: Option<&str>,
    message: &str,
    action: &str,
    raw: Option<&str>,
) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO import_issue (batch_id, line, col, message, action, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    stmt.execute(params![batch, line as i64, column, message, action, raw])?;
    Ok(())
}

pub fn list_batches(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.file_name, b.file_hash, pa.name, pr.name, b.format, b.encoding, b.delimiter,
                b.sheet, b.rows_read, b.inserted, b.duplicates, b.flagged, b.skipped, b.masked,
                b.created_at, b.undone_at
         FROM import_batch b
         LEFT JOIN partner pa ON pa.id = b.partner_id
         LEFT JOIN import_profile pr ON pr.id = b.profile_id
         ORDER BY b.id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Batch {
            id: r.get(0)?,
            file_name: r.get(1)?,
            file_hash: r.get(2)?,
            partner: r.get(3)?,
            profile: r.get(4)?,
            format: r.get(5)?,
            encoding: r.get(6)?,
            delimiter: r.get(7)?,
            sheet: r.get(8)?,
            rows_read: r.get(9)?,
            inserted: r.get(10)?,
            duplicates: r.get(11)?,
            flagged: r.get(12)?,
            skipped: r.get(13)?,
            masked: r.get(14)?,
            created_at: r.get(15)?,
            undone_at: r.get(16)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes every report a batch inserted and marks it undone; returns how many reports went.
/// The batch row stays (marked), so the log of what was imported and undone is kept.
pub fn undo_batch(tx: &Transaction, id: Id) -> Result<u32> {
    let undone: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_batch WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match undone {
        None => return Err(Message::BatchNotFound { id }.into()),
        Some(Some(_)) => return Err(Message::BatchAlreadyUndone { id }.into()),
        Some(None) => {}
    }
    let n = tx.execute("DELETE FROM report WHERE import_batch_id = ?1", [id])?;
    tx.execute("DELETE FROM nil_report WHERE import_batch_id = ?1", [id])?;
    tx.execute("DELETE FROM import_issue WHERE batch_id = ?1", [id])?;
    tx.execute(
        "UPDATE import_batch SET undone_at = ?2 WHERE id = ?1",
        params![id, super::now()],
    )?;
    Ok(n as u32)
}

/// The raw text of the rows a batch skipped, with line and reason, for a CSV of rejected rows.
pub fn list_rejected(conn: &Connection, id: Id) -> Result<Vec<(u64, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT line, message, coalesce(raw, '') FROM import_issue
         WHERE batch_id = ?1 AND action = 'skipped' ORDER BY line",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get_batch_file_name(conn: &Connection, id: Id) -> Result<String> {
    Ok(conn.query_row(
        "SELECT file_name FROM import_batch WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}
