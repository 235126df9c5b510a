//! The export log: every file that left the machine, with its filters and recipient.

use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportEntry {
    #[serde(with = "crate::ids::string")]
    #[ts(type = "string")]
    pub id: i64,
    /// e.g. `pdf lägesbild`, `csv rapporter`, `xlsx lägesbild`.
    pub kind: String,
    pub file_name: String,
    /// The filters as JSON text.
    pub filters: String,
    pub recipient: Option<String>,
    pub partner_safe: bool,
    pub created_at: String,
}

pub fn insert_export(
    conn: &Connection,
    kind: &str,
    file_name: &str,
    filters: &serde_json::Value,
    recipient: Option<&str>,
    partner_safe: bool,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO export_log (kind, file_name, filters, recipient, partner_safe, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![kind, file_name, filters.to_string(), recipient, partner_safe, super::now()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn list_exports(conn: &Connection) -> Result<Vec<ExportEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, file_name, filters, recipient, partner_safe, created_at FROM export_log ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(ExportEntry {
            id: r.get(0)?,
            kind: r.get(1)?,
            file_name: r.get(2)?,
            filters: r.get(3)?,
            recipient: r.get(4)?,
            partner_safe: r.get(5)?,
            created_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
