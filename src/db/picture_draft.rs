//! Picture drafts: the coordinator's assessment of one period (statuses and analysis
//! texts), kept as JSON per period until the picture is frozen.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::Result;

/// The draft's JSON for the period `from`..=`to` (ISO dates), if one was written.
pub fn find_draft(conn: &Connection, from: &str, to: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT data FROM picture_draft WHERE period_from = ?1 AND period_to = ?2",
            params![from, to],
            |r| r.get(0),
        )
        .optional()?)
}

/// Writes (or replaces) the draft's JSON for the period.
pub fn upsert_draft(tx: &Transaction, from: &str, to: &str, json: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO picture_draft (period_from, period_to, data, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (period_from, period_to) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        params![from, to, json, super::now()],
    )?;
    Ok(())
}
