//! The full-text index over what partners wrote (`report_fts`, schema 9), kept in
//! step by triggers; an import takes the insert trigger off and indexes its own rows
//! in one statement at the end (a trigger program per row tripled a million-row
//! import, BENCHMARKS.md), inside the import's transaction.

use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;
use crate::ids::Id;

const INSERT_TRIGGER: &str = "report_fts_insert";

/// The insert trigger taken off for a load, with the highest report id before it.
#[derive(Debug)]
pub struct Suspended {
    sql: Option<String>,
    last_id: Id,
}

/// Drops the insert trigger inside `tx` (it comes back on rollback by itself).
pub fn suspend(tx: &Transaction) -> Result<Suspended> {
    let sql: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1",
            [INSERT_TRIGGER],
            |r| r.get(0),
        )
        .optional()?;
    if sql.is_some() {
        tx.execute_batch(&format!("DROP TRIGGER {INSERT_TRIGGER}"))?;
    }
    let last_id = tx.query_row("SELECT coalesce(max(id), 0) FROM report", [], |r| r.get(0))?;
    Ok(Suspended { sql, last_id })
}

/// Indexes every report the load added (ids after the last one before it) and puts
/// the trigger back.
pub fn resume(tx: &Transaction, s: &Suspended) -> Result<()> {
    if let Some(sql) = &s.sql {
        tx.execute(
            "INSERT INTO report_fts (rowid, text, source_place)
             SELECT id, text, source_place FROM report WHERE id > ?1",
            [s.last_id],
        )?;
        tx.execute_batch(sql)?;
    }
    Ok(())
}
